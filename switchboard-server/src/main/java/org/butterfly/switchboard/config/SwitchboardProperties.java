package org.butterfly.switchboard.config;

import java.time.Duration;
import java.util.List;

import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.server.ListenerProperties;
import org.butterfly.switchboard.invite.CallPolicy;
import org.butterfly.switchboard.room.RoomLimits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the switchboard ({@code butterfly.switchboard.*}); the environment
 * variables it is usually given are mapped in {@code application.properties}. Validated
 * on construction, so a bad value stops the start.
 *
 * @param listener the MSNP listener; its advertised address goes into {@code RNG} and
 * names this node in tickets; its pre-authentication idle timeout bounds the wait for
 * {@code USR}/{@code ANS} and its keep-alive timeout is the participant idle timeout
 * @param tickets the ticket keys and lifetime
 * @param rooms the bounds of every room
 * @param calls the {@code CAL} rate limit and privacy answer
 */
@ConfigurationProperties("butterfly.switchboard")
public record SwitchboardProperties(@DefaultValue ListenerProperties listener, @DefaultValue Tickets tickets,
		@DefaultValue Rooms rooms, @DefaultValue Calls calls) {

	public SwitchboardProperties {
		// Fail at start-up, not at the first room.
		rooms.toLimits(tickets.lifetime());
		calls.toPolicy();
	}

	/**
	 * @param secretKeys the HMAC keys, the signing key first (rotation: docs/adr/0400);
	 * empty means the development key, with a warning
	 * @param lifetime how long a ticket, and so an invitation, stays valid
	 * @param replayCapacity how many used, unexpired tickets this node remembers
	 */
	public record Tickets(@DefaultValue List<String> secretKeys, @DefaultValue("60s") Duration lifetime,
			@DefaultValue("100000") int replayCapacity) {

		public Tickets {
			secretKeys = secretKeys.stream().map(String::strip).filter((key) -> !key.isEmpty()).toList();
		}

	}

	/**
	 * @param maxParticipants people in one room, invitees still ringing included
	 * @param maxInvitations invitations of one room ringing at once
	 * @param slowConsumerBacklog how much may queue up for a participant beyond the low
	 * water mark before it is disconnected
	 */
	public record Rooms(@DefaultValue("20") int maxParticipants, @DefaultValue("10") int maxInvitations,
			@DefaultValue("1MB") DataSize slowConsumerBacklog) {

		public RoomLimits toLimits(Duration invitationLifetime) {
			return new RoomLimits(this.maxParticipants, this.maxInvitations, this.slowConsumerBacklog.toBytes(),
					invitationLifetime);
		}

	}

	/**
	 * @param maxPerWindow invitations one participant may send per window ({@code 713}
	 * beyond)
	 * @param window the rate-limit window
	 * @param privacyRefusal {@code 217} (default) or {@code 216} when the callee does not
	 * allow the caller
	 * @param ringTimeout how long a {@code CAL} waits for the callee's notification node
	 * before it is answered as if the callee were offline
	 */
	public record Calls(@DefaultValue("10") int maxPerWindow, @DefaultValue("60s") Duration window,
			@DefaultValue("217") int privacyRefusal, @DefaultValue("3s") Duration ringTimeout) {

		public CallPolicy toPolicy() {
			return new CallPolicy(this.maxPerWindow, this.window, ErrorCode.of(this.privacyRefusal));
		}

	}

}
