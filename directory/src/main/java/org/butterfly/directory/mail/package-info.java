/**
 * The mail outbox: e-mail queued in the database and sent by any node, retried with
 * back-off until it is sent or given up.
 */
package org.butterfly.directory.mail;
