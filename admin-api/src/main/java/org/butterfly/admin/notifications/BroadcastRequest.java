package org.butterfly.admin.notifications;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A {@code NOT} alert for several users: {@code to} is a list of e-mail addresses (1 to
 * {@value NotificationSender#MAX_RECIPIENTS}) or the string {@code "online"} (everybody
 * online who can take it now). The other fields are those of {@link NotificationRequest}.
 */
public record BroadcastRequest(@NotNull @Schema(description = "[\"email\", ...] or \"online\"", oneOf = {
		String[].class, String.class }) Object to, @Size(max = 1024) String text, @Size(max = 512) String actionUrl,
		@Size(max = 512) String subscriptionUrl, @Size(max = 512) String siteUrl, @Size(max = 20) String siteId,
		@Min(0) @Max(4294967295L) Long notificationId, @Min(1) @Max(65535) Integer language,
		@Size(max = NotificationDocuments.MAX_DOCUMENT_BYTES) String xml, Instant expiresAt){

	NotificationRequest notification() {
		return new NotificationRequest(this.text, this.actionUrl, this.subscriptionUrl, this.siteUrl, this.siteId,
				this.notificationId, this.language, this.xml, this.expiresAt);
	}

}
