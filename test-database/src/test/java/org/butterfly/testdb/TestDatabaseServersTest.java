package org.butterfly.testdb;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.butterfly.testdb.TestDatabaseServer.Kind;
import org.butterfly.testdb.TestDatabaseServers.Choice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TestDatabaseServersTest {

	@Test
	void obeysTheSettingWithoutLookingForDocker() {
		assertThat(TestDatabaseServers.choose("embedded", () -> Optional.of("unix:///var/run/docker.sock")))
			.isEqualTo(new Choice(Kind.EMBEDDED, "BUTTERFLY_TEST_DB=embedded"));
		assertThat(TestDatabaseServers.choose(" Docker ", this::noDockerExpected).kind()).isEqualTo(Kind.DOCKER);
	}

	@Test
	void prefersDockerWhenAnEngineAnswers() {
		assertThat(TestDatabaseServers.choose(null, () -> Optional.of("unix:///var/run/docker.sock")))
			.isEqualTo(new Choice(Kind.DOCKER, "a Docker engine answers at unix:///var/run/docker.sock"));
		assertThat(TestDatabaseServers.choose("", Optional::empty).kind()).isEqualTo(Kind.EMBEDDED);
	}

	@Test
	void rejectsAnUnknownSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestDatabaseServers.choose("h2", Optional::empty))
			.withMessageContaining("BUTTERFLY_TEST_DB=h2");
	}

	private Optional<String> noDockerExpected() {
		throw new AssertionError("Docker must not be looked for when the setting decides");
	}

}
