package org.butterfly.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import org.butterfly.client.internal.Connection;
import org.butterfly.protocol.command.ClientCommands;
import org.butterfly.protocol.command.ClientCommands.AckMode;
import org.butterfly.protocol.vocab.UrlEncoding;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.protocol.wire.WireLimits;

/**
 * One switchboard session, a conversation (msnp.md §14): opened by
 * {@link MessengerClient#openSwitchboard} ({@code XFR SB}, {@code USR}) or by answering
 * an invitation ({@code RNG}, {@code ANS}). Thread-safe.
 */
public final class Switchboard implements AutoCloseable {

	/** The longest {@code MSG} payload a switchboard accepts (msnp.md §14.4). */
	public static final int MAX_PAYLOAD_BYTES = WireLimits.SERVER.maxPayloadBytes();

	private final String handle;

	private final SwitchboardListener listener;

	private final Executor callbacks;

	/** Handle to friendly name (decoded), in joining order; guarded by itself. */
	private final Map<String, String> participants = new LinkedHashMap<>();

	private volatile Connection connection;

	private volatile String sessionId;

	Switchboard(String handle, SwitchboardListener listener, Executor callbacks) {
		this.handle = handle;
		this.listener = listener;
		this.callbacks = callbacks;
	}

	void attach(Connection connection) {
		this.connection = connection;
	}

	/** Signs in as the session's creator: {@code USR TrID handle cookie} (§14.1). */
	CompletableFuture<Switchboard> signIn(String cookie) {
		return this.connection.request((trId) -> new ClientCommands.SbUsr(trId, this.handle, cookie))
			.thenApply((ok) -> this);
	}

	/**
	 * Joins an invitation: {@code ANS TrID handle cookie session-id}, then {@code IRO}
	 * lines and {@code ANS TrID OK} (§14.1).
	 */
	CompletableFuture<Switchboard> answer(Invitation invitation) {
		this.sessionId = invitation.sessionId();
		return this.connection
			.request((trId) -> new ClientCommands.Ans(trId, this.handle, invitation.cookie(), invitation.sessionId()))
			.thenApply((ok) -> this);
	}

	/**
	 * Invites a user: {@code CAL TrID handle} (§14.2).
	 * @return the session id from {@code CAL TrID RINGING session-id}; the user's
	 * {@link SwitchboardListener#joined} follows when it answers
	 */
	public CompletableFuture<String> invite(String contact) {
		return this.connection.request((trId) -> new ClientCommands.Cal(trId, contact)).thenApply((ringing) -> {
			this.sessionId = ringing.token(2);
			return this.sessionId;
		});
	}

	/** Sends a chat line with ack mode {@code A}: completes on {@code ACK}. */
	public CompletableFuture<Void> sendText(String text) {
		return send(Message.text(text), AckMode.A);
	}

	/**
	 * Sends a message (§14.4).
	 * @param mode {@code A}: the future completes on {@code ACK} and fails with
	 * {@link NotDeliveredException} on {@code NAK}; {@code U} and {@code N}: it completes
	 * once the message is written ({@code N}'s {@code NAK} goes to
	 * {@link SwitchboardListener#notDelivered})
	 * @throws IllegalArgumentException if the payload exceeds {@link #MAX_PAYLOAD_BYTES}
	 */
	public CompletableFuture<Void> send(Message message, AckMode mode) {
		byte[] payload = message.toBytes();
		if (payload.length > MAX_PAYLOAD_BYTES) {
			// The switchboard closes the connection on a longer payload (§14.4).
			throw new IllegalArgumentException(
					"message too long: " + payload.length + " bytes, at most " + MAX_PAYLOAD_BYTES);
		}
		if (mode == AckMode.A) {
			return this.connection
				.request((trId) -> new ClientCommands.Msg(trId, mode, payload),
						(reply) -> reply.verb().equals("ACK") || reply.verb().equals("NAK"))
				.thenAccept((reply) -> {
					if (reply.verb().equals("NAK")) {
						throw new NotDeliveredException(reply.token(0));
					}
				});
		}
		return this.connection.send(new ClientCommands.Msg(this.connection.nextTrId(), mode, payload).toFrame());
	}

	/** The other participants: handle to friendly name, in joining order. */
	public Map<String, String> participants() {
		synchronized (this.participants) {
			return Map.copyOf(this.participants);
		}
	}

	/** The session id, once known ({@code CAL ... RINGING} or the invitation). */
	public String sessionId() {
		return this.sessionId;
	}

	public boolean isOpen() {
		return this.connection.isOpen();
	}

	/** Leaves: {@code OUT}, and the server closes the connection (§14.3). */
	@Override
	public void close() {
		this.connection.signOut(new ClientCommands.Out().toFrame());
	}

	/** Completes when the session's connection has closed. */
	public CompletableFuture<Void> closeFuture() {
		return this.connection.closeFuture();
	}

	/** Every inbound frame, on the event loop. */
	void received(Frame frame) {
		switch (frame.verb()) {
			case "IRO" -> joined(frame.token(3), frame.token(4));
			case "JOI" -> joined(frame.token(0), frame.token(1));
			case "BYE" -> {
				String who = frame.token(0);
				synchronized (this.participants) {
					this.participants.remove(who);
				}
				boolean idle = frame.tokenCount() > 1 && "1".equals(frame.token(1));
				this.callbacks.execute(() -> this.listener.left(this, who, idle));
			}
			case "MSG" -> {
				Message message = Message.parse(frame.payload());
				String name = UrlEncoding.decode(frame.token(1));
				this.callbacks.execute(() -> this.listener.message(this, frame.token(0), name, message));
			}
			case "NAK" -> this.callbacks.execute(() -> this.listener.notDelivered(this, frame.token(0)));
			default -> {
				// USR/ANS/CAL/ACK replies complete their requests; nothing else is
				// pushed.
			}
		}
	}

	void closed() {
		this.callbacks.execute(() -> this.listener.closed(this));
	}

	private void joined(String who, String encodedName) {
		String name = UrlEncoding.decode(encodedName);
		synchronized (this.participants) {
			this.participants.put(who, name);
		}
		this.callbacks.execute(() -> this.listener.joined(this, who, name));
	}

}
