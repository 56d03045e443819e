package org.butterfly.admin.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code NOT} alerts (msnp.md §11.6) to one user, a list of users or everybody online.
 */
@RestController
@Tag(name = "notifications")
public class NotificationController {

	private static final String DELIVERY = " state: 'delivered' means the user has a live MSNP5+ session past its "
			+ "first CHG and the notification was handed to the node holding it, which sends NOT and marks it "
			+ "delivered (exactly once); it does not mean the client displayed it. 'queued' means the user is "
			+ "offline, on MSNP2-4, or not yet past the first CHG: the notification waits in the database and is "
			+ "sent once at the next MSNP5+ sign-in (after its first CHG) unless expiresAt passes first.";

	private final NotificationSender sender;

	public NotificationController(NotificationSender sender) {
		this.sender = sender;
	}

	@PostMapping("/api/v1/accounts/{email}/notifications")
	@Operation(summary = "Pushes a NOT alert to one user",
			description = "202 {id, documentId, state, expiresAt}. 400 naming the field: neither or both of text "
					+ "and xml, text too long (BODY over 1024 bytes), xml not a well-formed NOTIFICATION document "
					+ "(DTDs are refused) or over 1664 bytes, expiresAt in the past or over 30 days away. 404 for "
					+ "an unknown account." + DELIVERY)
	public ResponseEntity<Delivery.Pushed> push(@PathVariable String email,
			@Valid @RequestBody NotificationRequest request) {
		return ResponseEntity.accepted().body(this.sender.push(email, request));
	}

	@PostMapping("/api/v1/notifications")
	@Operation(summary = "Pushes a NOT alert to a list of users or to everybody online",
			description = "202 {id (the document id), recipients: [{email, id, state}]}. to is a list of 1-1000 "
					+ "e-mail addresses (404 naming the unknown ones, nothing is queued) or \"online\" (every "
					+ "MSNP5+ session past its first CHG). Same 400s as for one user." + DELIVERY)
	public ResponseEntity<Delivery.Broadcast> broadcast(@Valid @RequestBody BroadcastRequest request) {
		return ResponseEntity.accepted().body(this.sender.broadcast(request));
	}

}
