/**
 * E-mail invitations ({@code SDC}, {@code SND}, msnp.md §11.3, §11.4): validated,
 * rate-limited, rendered from localised templates, queued in the directory's mail outbox
 * and sent by {@link org.butterfly.notification.invitations.OutboxMailer} on every node.
 */
package org.butterfly.notification.invitations;
