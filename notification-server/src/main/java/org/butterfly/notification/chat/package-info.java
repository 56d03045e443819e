/**
 * Chat on the notification side (msnp.md §13.3, §13.4): {@code XFR SB} hands out a live
 * switchboard node with a signed caller ticket, and a switchboard's ring for a callee on
 * this node becomes an {@code RNG} when the callee may be invited.
 */
package org.butterfly.notification.chat;
