package org.butterfly.notification.auth;

/**
 * What the initial e-mail message tells a client whose account has e-mail enabled
 * (msnp.md §5.6). Butterfly has no mailbox, so the counts are zero and the URLs
 * configurable.
 *
 * @param inboxUrl {@code Inbox-URL}
 * @param foldersUrl {@code Folders-URL}
 * @param postUrl {@code Post-URL}
 */
public record Mailbox(String inboxUrl, String foldersUrl, String postUrl) {
}
