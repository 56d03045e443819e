/**
 * Live sessions: who is online where, kicks (OUT), and the one gateway to the cluster
 * bus.
 */
package org.butterfly.admin.sessions;
