package org.butterfly.admin.notifications;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A {@code NOT} alert (msnp.md §11.6): either {@code text} (the server builds the
 * {@code <NOTIFICATION>} document, XML-escaped) or {@code xml} (a complete document,
 * checked with a parser that refuses DTDs and external entities).
 *
 * @param text the toast text; {@code <BODY>} with its tags must stay within 1024 bytes
 * @param actionUrl page opened when the toast is clicked, relative to {@code siteUrl}
 * @param subscriptionUrl page that manages the subscription, relative to {@code siteUrl}
 * @param siteUrl base URL of the alert's site
 * @param siteId the .NET Alerts site id ({@code 0} stock icon, {@code 1} calendar,
 * anything else the bell; default {@code 111100000})
 * @param notificationId the document's id (32-bit); random when absent
 * @param language the text's LCID (default 1033)
 * @param xml a complete {@code <NOTIFICATION>} document instead of the fields above
 * @param expiresAt until when a queued alert waits for the user to sign in (default 7
 * days, at most 30)
 */
public record NotificationRequest(@Size(max = 1024) String text, @Size(max = 512) String actionUrl,
		@Size(max = 512) String subscriptionUrl, @Size(max = 512) String siteUrl, @Size(max = 20) String siteId,
		@Min(0) @Max(4294967295L) Long notificationId, @Min(1) @Max(65535) Integer language,
		@Size(max = NotificationDocuments.MAX_DOCUMENT_BYTES) String xml, Instant expiresAt) {
}
