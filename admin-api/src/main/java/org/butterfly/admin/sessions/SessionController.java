package org.butterfly.admin.sessions;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.butterfly.admin.web.ApiException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is online and where; ending a session. */
@RestController
@RequestMapping("/api/v1/sessions")
@Tag(name = "sessions")
public class SessionController {

	private final LiveSessions sessions;

	public SessionController(LiveSessions sessions) {
		this.sessions = sessions;
	}

	@GetMapping
	@Operation(summary = "Every live notification-server session, ordered by e-mail")
	public List<SessionView> online() {
		return this.sessions.online().stream().map(SessionView::of).toList();
	}

	@DeleteMapping("/{email}")
	@Operation(summary = "Signs the user out: the node holding the session sends OUT and closes it",
			description = "202: the kick was handed to the user's node; the connection closes shortly after. "
					+ "404: the user has no live session.")
	public ResponseEntity<Void> kick(@PathVariable String email) {
		if (this.sessions.find(email).isEmpty()) {
			throw new ApiException(HttpStatus.NOT_FOUND, "No live session for " + email);
		}
		this.sessions.kick(email);
		return ResponseEntity.accepted().build();
	}

}
