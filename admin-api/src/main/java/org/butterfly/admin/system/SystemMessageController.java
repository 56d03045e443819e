package org.butterfly.admin.system;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.butterfly.admin.sessions.LiveSessions;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The maintenance announcement (msnp.md §5.7). */
@RestController
@Tag(name = "system")
public class SystemMessageController {

	private final LiveSessions sessions;

	public SystemMessageController(LiveSessions sessions) {
		this.sessions = sessions;
	}

	@PostMapping("/api/v1/system-messages")
	@Operation(summary = "Announces a shutdown in N minutes to everybody online",
			description = "202 {minutes, sessions}: every notification node sends MSG Hotmail Hotmail with "
					+ "application/x-msmsgssystemmessage, Type: 1, Arg1: minutes to each of its sessions. sessions "
					+ "counts the live sessions when it was sent. 400 unless minutes is 1-1440.")
	public ResponseEntity<Announced> announce(@Valid @RequestBody Request request) {
		int online = this.sessions.online().size();
		this.sessions.systemMessage(request.minutes());
		return ResponseEntity.accepted().body(new Announced(request.minutes(), online));
	}

	/**
	 * @param minutes minutes until the shutdown, 1 to 1440
	 */
	public record Request(@NotNull @Min(1) @Max(1440) Integer minutes) {
	}

	/**
	 * @param minutes the announced minutes
	 * @param sessions how many sessions were online
	 */
	public record Announced(int minutes, int sessions) {
	}

}
