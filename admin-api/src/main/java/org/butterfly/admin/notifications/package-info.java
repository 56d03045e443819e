/**
 * NOT alerts and their NOTIFICATION documents (msnp.md §11.6): queued, then handed to the
 * recipient's node.
 */
package org.butterfly.admin.notifications;
