package org.butterfly.benchmarks.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The load generator end to end, small: 20 users against Butterfly in a child JVM (two
 * notification nodes, a switchboard, the admin API, embedded PostgreSQL), every scenario
 * for one round of 2 seconds. Asserts the results' shape and that work was done; no
 * timings.
 */
class LoadGeneratorSmokeTest {

	@TempDir
	Path results;

	@Test
	void everyScenarioWritesJsonAndAChart() throws Exception {
		LoadOptions options = LoadOptions.parse(new String[] { "--users", "20", "--contacts", "3", "--nodes", "2",
				"--rounds", "1", "--seconds", "2", "--rate", "20", "--concurrency", "4", "--server-heap", "512m",
				"--max-seconds", "240", "--out", this.results.toString() });

		List<Report> reports = LoadGenerator.run(options);

		assertThat(reports).extracting(Report::scenario)
			.containsExactly("signin", "fanout-same-node", "fanout-cross-node", "chat", "idle", "alerts");
		JsonMapper json = JsonMapper.builder().build();
		for (Report report : reports) {
			assertThat(this.results.resolve(report.scenario() + ".png")).isNotEmptyFile();
			JsonNode result = json.readTree(Files.readString(this.results.resolve(report.scenario() + ".json")));
			assertThat(result.get("scenario").asString()).isEqualTo(report.scenario());
			assertThat(result.get("machine").get("cores").asInt()).isPositive();
			assertThat(result.get("parameters").get("users").asInt()).isEqualTo(20);
			JsonNode rounds = result.get("rounds");
			assertThat(rounds.size()).isEqualTo(1);
			JsonNode round = rounds.get(0);
			assertThat(round.get("count").asLong()).as(report.scenario() + " count").isPositive();
			assertThat(round.get("errors").asLong()).as(report.scenario() + " errors").isZero();
			assertThat(round.get("latencyMillis").get("p99").asDouble()).isGreaterThanOrEqualTo(0);
			assertThat(round.get("timeline").size()).isPositive();
			assertThat(round.get("baseline").asDouble()).as(report.scenario() + " baseline").isPositive();
			assertThat(result.get("summary").get("valueMedian").asDouble()).isPositive();
		}
		// Every user of the idle scenario held a session, and the chat relayed messages.
		assertThat(json.readTree(Files.readString(this.results.resolve("idle.json")))
			.get("rounds")
			.get(0)
			.get("count")
			.asLong()).isEqualTo(20);
		// The alert pushed through the admin API reached all 20, each once.
		assertThat(json.readTree(Files.readString(this.results.resolve("alerts.json")))
			.get("rounds")
			.get(0)
			.get("count")
			.asLong()).isEqualTo(20);
	}

	@Test
	void badOptionsAreRefusedWithTheUsage() {
		assertThatThrownBy(() -> LoadOptions.parse(new String[] { "--scenario", "nope" }))
			.hasMessageContaining("unknown scenario");
		assertThatThrownBy(() -> LoadOptions.parse(new String[] { "--users", "0" }))
			.hasMessageContaining("--users must be between");
		assertThatThrownBy(() -> LoadOptions.parse(new String[] { "--server", "localhost:1863" }))
			.hasMessageContaining("--server and --accounts go together");
		assertThatThrownBy(() -> LoadOptions.parse(new String[] { "--users", "10", "--contacts", "10" }))
			.hasMessageContaining("fewer than --users");
		assertThatThrownBy(() -> LoadOptions
			.parse(new String[] { "--scenario", "alerts", "--server", "localhost:1863", "--accounts", "a.csv" }))
			.hasMessageContaining("not with --server");
		assertThatThrownBy(() -> LoadOptions.parse(new String[] { "--frobnicate", "1" }))
			.hasMessageContaining("unknown options");
	}

	@Test
	void accountsFilesAreCheckedLineByLine(@TempDir Path folder) throws Exception {
		Path good = folder.resolve("good.csv");
		Files.writeString(good, "# email,password\nalice@example.com,secret\n\nbob@example.com,pass,word\n");
		assertThat(Target.Remote.readAccounts(good)).containsExactly(new Target.Account("alice@example.com", "secret"),
				new Target.Account("bob@example.com", "pass,word"));
		Path bad = folder.resolve("bad.csv");
		Files.writeString(bad, "alice@example.com,secret\nno-comma-here\n");
		assertThatThrownBy(() -> Target.Remote.readAccounts(bad)).hasMessageContaining("line 2");
	}

}
