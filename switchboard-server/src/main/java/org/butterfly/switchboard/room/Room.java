package org.butterfly.switchboard.room;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.command.ClientCommands.AckMode;
import org.butterfly.protocol.command.ClientCommands.Msg;
import org.butterfly.protocol.pipeline.CloseReason;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.reply.Replies;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.switchboard.session.SwitchboardSession;

/**
 * One switchboard session (msnp.md §14): its participants in join order and its
 * invitations still ringing.
 * <p>
 * A room is owned by one executor, picked when it is created (STYLE.md P9): every change
 * and every fan-out runs there, so a room needs no lock and a participant's commands,
 * handed over in order, are answered in order. Methods other than {@link #id()},
 * {@link #execute} and {@link #executor()} must run on that executor.
 * <p>
 * Fan-out respects backpressure (STYLE.md P10): a participant whose connection is not
 * writable still gets lines until the bytes queued for it pass
 * {@link RoomLimits#slowConsumerBytes()}; then that participant is disconnected
 * ({@code SLOW_CONSUMER}) and the others get its {@code BYE}; the room goes on. When the
 * last participant leaves, the room is destroyed and its invitations die with it.
 */
public final class Room {

	/** How an invitee's {@code ANS} went. */
	public enum Admission {

		/** In: {@code IRO}s and {@code ANS OK} sent, {@code JOI} to the others. */
		ADMITTED,
		/** The room was destroyed before the invitee answered: close without a reply. */
		ROOM_GONE,
		/** Nobody invited this handle, or the invitation expired: {@code 911}. */
		NOT_INVITED,
		/** The connection closed while its {@code ANS} was queued. */
		CLOSED

	}

	private final String id;

	private final EventExecutor executor;

	private final RoomLimits limits;

	private final RoomRegistry registry;

	private final Disconnector disconnector;

	private final Clock clock;

	private final Map<SwitchboardSession, Participant> participants = new LinkedHashMap<>();

	private final Map<String, Ringing> invitations = new LinkedHashMap<>();

	private boolean destroyed;

	Room(String id, EventExecutor executor, RoomLimits limits, RoomRegistry registry, Disconnector disconnector,
			Clock clock) {
		this.id = id;
		this.executor = executor;
		this.limits = limits;
		this.registry = registry;
		this.disconnector = disconnector;
		this.clock = clock;
	}

	/**
	 * The decimal session id clients see in {@code CAL RINGING}, {@code RNG},
	 * {@code ANS}.
	 */
	public String id() {
		return this.id;
	}

	public EventExecutor executor() {
		return this.executor;
	}

	/**
	 * Runs {@code task} on the room's executor, after everything handed over before. Any
	 * thread.
	 */
	public void execute(Runnable task) {
		this.executor.execute(task);
	}

	/**
	 * The caller enters the room it opened with {@code USR}:
	 * {@code USR TrID OK handle name}.
	 */
	public void open(SwitchboardSession caller, String handle, String friendlyName, String trId) {
		assertOwner();
		if (Disconnector.isClosing(caller.channel())) {
			destroyIfEmpty();
			return;
		}
		this.participants.put(caller, new Participant(caller, handle, friendlyName));
		caller.send(Replies.sbUsrOk(trId, handle, friendlyName));
	}

	/**
	 * An invitee answers ({@code ANS}, msnp.md §14.1): when invited, it gets one
	 * {@code IRO} per participant (names as at their join) and {@code ANS OK}; every
	 * other participant gets its {@code JOI}.
	 */
	public Admission admit(SwitchboardSession invitee, String handle, String trId) {
		assertOwner();
		if (this.destroyed) {
			return Admission.ROOM_GONE;
		}
		Ringing invitation = this.invitations.get(handle);
		if (invitation == null || !invitation.ringingAt(now())) {
			return Admission.NOT_INVITED;
		}
		if (Disconnector.isClosing(invitee.channel())) {
			return Admission.CLOSED;
		}
		this.invitations.remove(handle);
		List<Frame> roster = new ArrayList<>(this.participants.size() + 1);
		int index = 1;
		for (Participant present : this.participants.values()) {
			roster.add(Replies.iro(trId, index++, this.participants.size(), present.handle(), present.friendlyName()));
		}
		roster.add(Replies.ansOk(trId));
		invitee.send(roster);
		Participant joined = new Participant(invitee, handle, invitation.friendlyName());
		Frame joi = Replies.joi(handle, joined.friendlyName());
		for (Participant present : List.copyOf(this.participants.values())) {
			deliver(present, joi);
		}
		this.participants.put(invitee, joined);
		return Admission.ADMITTED;
	}

	/**
	 * The participant of {@code session}, or null when it is not (or no longer) in the
	 * room.
	 */
	public Participant participant(SwitchboardSession session) {
		assertOwner();
		return this.participants.get(session);
	}

	/** Whether {@code handle} is in the room. */
	public boolean isPresent(String handle) {
		assertOwner();
		for (Participant present : this.participants.values()) {
			if (present.handle().equals(handle)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether {@code handle} was invited and has not joined yet, within the invitation's
	 * lifetime.
	 */
	public boolean isRinging(String handle) {
		assertOwner();
		Ringing invitation = this.invitations.get(handle);
		return invitation != null && invitation.ringingAt(now());
	}

	/**
	 * Whether one more invitation fits: within {@link RoomLimits#maxInvitations()}
	 * ringing at once, and within {@link RoomLimits#maxParticipants()} counting the
	 * invitees.
	 */
	public boolean hasRoomForInvitation() {
		assertOwner();
		forgetExpiredInvitations();
		return this.invitations.size() < this.limits.maxInvitations()
				&& this.participants.size() + this.invitations.size() < this.limits.maxParticipants();
	}

	/**
	 * {@code handle} has been sent an {@code RNG}: it may {@code ANS} for the ticket's
	 * lifetime and will appear as {@code friendlyName}.
	 */
	public void ringing(String handle, String friendlyName) {
		assertOwner();
		this.invitations.put(handle, new Ringing(friendlyName, now().plus(this.limits.invitationLifetime())));
	}

	/**
	 * Relays a message (msnp.md §14.4) unmodified to every other participant as
	 * {@code MSG sender-handle sender-name N}, then acknowledges by mode: {@code U}
	 * nothing; {@code N} a {@code NAK} if any delivery failed; {@code A} an {@code ACK}
	 * when delivered to every other participant, else a {@code NAK}. Delivery fails when
	 * nobody else is there ([POLICY] §19.7) or a recipient is gone or too slow.
	 */
	public void relay(SwitchboardSession sender, Msg message) {
		assertOwner();
		Participant from = this.participants.get(sender);
		if (from == null) {
			return;
		}
		boolean delivered = this.participants.size() > 1;
		Frame relayed = Replies.msg(from.handle(), from.friendlyName(), message.payload());
		for (Participant to : List.copyOf(this.participants.values())) {
			if (to != from) {
				delivered &= deliver(to, relayed);
			}
		}
		if (message.mode() == AckMode.A && delivered) {
			sender.send(Replies.ack(message.trId()));
		}
		else if (message.mode() != AckMode.U && !delivered) {
			sender.send(Replies.nak(message.trId()));
		}
	}

	/**
	 * The connection of {@code session} has closed: the others get {@code BYE handle}, or
	 * {@code BYE handle 1} when the server closed it for idleness (msnp.md §14.3). The
	 * last one out destroys the room.
	 */
	public void leave(SwitchboardSession session) {
		assertOwner();
		Participant gone = this.participants.remove(session);
		if (gone != null) {
			CloseReason reason = Disconnector.reasonOf(session.channel());
			boolean idle = reason != null && reason.kind() == CloseReason.Kind.IDLE_TIMEOUT;
			Frame bye = Replies.bye(gone.handle(), idle);
			for (Participant present : List.copyOf(this.participants.values())) {
				deliver(present, bye);
			}
		}
		destroyIfEmpty();
	}

	/** How many people are in the room. */
	public int size() {
		assertOwner();
		return this.participants.size();
	}

	/**
	 * Writes {@code frame} to one participant unless it is gone or too far behind; a
	 * participant too far behind is disconnected, and its departure follows as a
	 * {@link #leave}.
	 */
	private boolean deliver(Participant to, Frame frame) {
		Channel channel = to.session().channel();
		if (Disconnector.isClosing(channel)) {
			return false;
		}
		if (!channel.isWritable() && channel.bytesBeforeWritable() > this.limits.slowConsumerBytes()) {
			this.disconnector.close(channel, CloseReason.of(CloseReason.Kind.SLOW_CONSUMER,
					channel.bytesBeforeWritable() + " bytes behind in room " + this.id));
			return false;
		}
		channel.writeAndFlush(frame, channel.voidPromise());
		return true;
	}

	private void destroyIfEmpty() {
		if (this.participants.isEmpty() && !this.destroyed) {
			this.destroyed = true;
			this.invitations.clear();
			this.registry.remove(this);
		}
	}

	private void forgetExpiredInvitations() {
		Instant now = now();
		for (Iterator<Ringing> it = this.invitations.values().iterator(); it.hasNext();) {
			if (!it.next().ringingAt(now)) {
				it.remove();
			}
		}
	}

	private Instant now() {
		return this.clock.instant();
	}

	private void assertOwner() {
		assert this.executor.inEventLoop() : "room " + this.id + " touched off its executor";
	}

	/** An invitee still ringing, with the name it will join under. */
	private record Ringing(String friendlyName, Instant expiresAt) {

		boolean ringingAt(Instant now) {
			return now.isBefore(this.expiresAt);
		}

	}

}
