package org.butterfly.switchboard.config;

import java.time.Duration;
import java.util.List;

import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.server.ListenerProperties;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SwitchboardPropertiesTest {

	@Test
	void keysAreTrimmedAndBlankOnesDropped() {
		SwitchboardProperties.Tickets tickets = new SwitchboardProperties.Tickets(List.of(" new-key ", "", "old-key"),
				Duration.ofSeconds(60), 10);

		assertThat(tickets.secretKeys()).containsExactly("new-key", "old-key");
	}

	@Test
	void thePrivacyAnswerIs217Or216() {
		assertThat(new SwitchboardProperties.Calls(10, Duration.ofSeconds(60), 216, Duration.ofSeconds(3)).toPolicy()
			.privacyRefusal()).isEqualTo(ErrorCode.NOT_ON_LIST);
		assertThatIllegalArgumentException().isThrownBy(() -> properties(
				new SwitchboardProperties.Calls(10, Duration.ofSeconds(60), 215, Duration.ofSeconds(3))));
	}

	@Test
	void roomsNeedRoomForTwo() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> properties(new SwitchboardProperties.Rooms(1, 10, DataSize.ofMegabytes(1)),
					new SwitchboardProperties.Calls(10, Duration.ofSeconds(60), 217, Duration.ofSeconds(3))));
	}

	private static SwitchboardProperties properties(SwitchboardProperties.Calls calls) {
		return properties(new SwitchboardProperties.Rooms(20, 10, DataSize.ofMegabytes(1)), calls);
	}

	private static SwitchboardProperties properties(SwitchboardProperties.Rooms rooms,
			SwitchboardProperties.Calls calls) {
		ListenerProperties listener = new ListenerProperties("127.0.0.1", 0, "127.0.0.1", 0, false, null, 0, 1, 16,
				new ListenerProperties.Idle(Duration.ofSeconds(60), Duration.ofMinutes(5)), Duration.ofSeconds(1),
				new ListenerProperties.WriteBuffer(DataSize.ofKilobytes(32), DataSize.ofKilobytes(64)),
				ListenerProperties.Limits.NONE);
		return new SwitchboardProperties(listener,
				new SwitchboardProperties.Tickets(List.of(), Duration.ofSeconds(60), 10), rooms, calls);
	}

}
