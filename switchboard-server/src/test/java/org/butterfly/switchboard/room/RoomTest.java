package org.butterfly.switchboard.room;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.ImmediateEventExecutor;
import org.butterfly.protocol.command.ClientCommands.AckMode;
import org.butterfly.protocol.command.ClientCommands.Msg;
import org.butterfly.protocol.pipeline.Disconnector;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.switchboard.session.SwitchboardSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A room on its own, on an executor that runs everything at once, with connections that
 * record what they are sent.
 */
class RoomTest {

	final MutableClock clock = new MutableClock();

	final Disconnector disconnector = new Disconnector();

	final RoomRegistry registry = new RoomRegistry(new RoomLimits(3, 2, 1 << 20, Duration.ofSeconds(60)),
			this.disconnector, this.clock);

	final Room room = this.registry.create(ImmediateEventExecutor.INSTANCE);

	final SwitchboardSession alice = session();

	@Test
	void anInvitationRingsForTheTicketLifetime() {
		this.room.open(this.alice, "alice@example.test", "Alice", "1");
		this.room.ringing("bob@example.test", "Bob");

		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.room.isRinging("bob@example.test")).isTrue();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.room.isRinging("bob@example.test")).isFalse();
		assertThat(this.room.admit(session(), "bob@example.test", "1")).isEqualTo(Room.Admission.NOT_INVITED);
	}

	@Test
	void invitationsAndParticipantsAreBounded() {
		this.room.open(this.alice, "alice@example.test", "Alice", "1");
		this.room.ringing("bob@example.test", "Bob");
		assertThat(this.room.hasRoomForInvitation()).isTrue();
		this.room.ringing("carol@example.test", "Carol");
		// three people at most, invitees included; two invitations at most
		assertThat(this.room.hasRoomForInvitation()).isFalse();
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.room.hasRoomForInvitation()).isTrue();
	}

	@Test
	void theInviteeSeesWhoIsThereAndTheOthersSeeItJoin() {
		this.room.open(this.alice, "alice@example.test", "Alice", "1");
		this.room.ringing("bob@example.test", "Bob");
		SwitchboardSession bob = session();

		assertThat(this.room.admit(bob, "bob@example.test", "7")).isEqualTo(Room.Admission.ADMITTED);

		assertThat(lines(bob)).containsExactly("IRO 7 1 1 alice@example.test Alice", "ANS 7 OK");
		assertThat(lines(this.alice)).containsExactly("USR 1 OK alice@example.test Alice", "JOI bob@example.test Bob");
		assertThat(this.room.isRinging("bob@example.test")).isFalse();
		assertThat(this.room.isPresent("bob@example.test")).isTrue();
	}

	@Test
	void messagesAreAcknowledgedByMode() {
		this.room.open(this.alice, "alice@example.test", "Alice", "1");
		this.room.relay(this.alice, new Msg("2", AckMode.A, "hi".getBytes()));
		this.room.relay(this.alice, new Msg("3", AckMode.N, "hi".getBytes()));
		this.room.relay(this.alice, new Msg("4", AckMode.U, "hi".getBytes()));
		this.room.ringing("bob@example.test", "Bob");
		SwitchboardSession bob = session();
		this.room.admit(bob, "bob@example.test", "1");
		lines(bob);
		this.room.relay(this.alice, new Msg("5", AckMode.A, "hello".getBytes()));
		this.room.relay(this.alice, new Msg("6", AckMode.N, "hello".getBytes()));

		assertThat(lines(this.alice)).containsExactly("USR 1 OK alice@example.test Alice", "NAK 2", "NAK 3",
				"JOI bob@example.test Bob", "ACK 5");
		assertThat(lines(bob)).containsExactly("MSG alice@example.test Alice 5", "MSG alice@example.test Alice 5");
	}

	@Test
	void theLastOneOutDestroysTheRoomAndItsInvitations() {
		this.room.open(this.alice, "alice@example.test", "Alice", "1");
		this.room.ringing("bob@example.test", "Bob");
		this.alice.channel().close();

		this.room.leave(this.alice);

		assertThat(this.registry.find(this.room.id())).isNull();
		assertThat(this.room.admit(session(), "bob@example.test", "1")).isEqualTo(Room.Admission.ROOM_GONE);
	}

	private SwitchboardSession session() {
		EmbeddedChannel channel = new EmbeddedChannel();
		return new SwitchboardSession(channel, ImmediateEventExecutor.INSTANCE, this.disconnector);
	}

	private static List<String> lines(SwitchboardSession session) {
		EmbeddedChannel channel = (EmbeddedChannel) session.channel();
		List<String> lines = new ArrayList<>();
		for (Object sent = channel.readOutbound(); sent != null; sent = channel.readOutbound()) {
			lines.add(((Frame) sent).line());
		}
		return lines;
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-11-22T02:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
