package org.butterfly.admin;

import org.junit.jupiter.api.Test;

import org.butterfly.admin.config.SecurityConfiguration;
import org.butterfly.admin.config.AdminToken;

import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/** Start-up rules for the token and the secret key (ARCHITECTURE §6). */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(UserConfigurations.of(SecurityConfiguration.class));

	@Test
	void productionRefusesToStartWithoutAToken() {
		this.runner.withPropertyValues("butterfly.mode=production", "butterfly.secret-key=k").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("BUTTERFLY_ADMIN_TOKEN");
		});
	}

	@Test
	void productionRefusesToStartWithoutASecretKey() {
		this.runner.withPropertyValues("butterfly.mode=production", "butterfly.admin.token=t").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("BUTTERFLY_SECRET_KEY");
		});
	}

	@Test
	void productionStartsWithBoth() {
		this.runner.withPropertyValues("butterfly.mode=production", "butterfly.admin.token=t", "butterfly.secret-key=k")
			.run((context) -> assertThat(context.getBean(AdminToken.class).matches("t")).isTrue());
	}

	@Test
	void localModeGeneratesAndPrintsATokenOnce(CapturedOutput output) {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			String printed = output.getOut().replaceAll("(?s).*Butterfly admin API token for this run: (\\S+).*", "$1");
			assertThat(context.getBean(AdminToken.class).matches(printed)).isTrue();
			assertThat(output.getOut().split("admin API token for this run", -1)).hasSize(2);
		});
	}

	@Test
	void aConfiguredTokenIsNeverPrinted(CapturedOutput output) {
		this.runner.withPropertyValues("butterfly.admin.token=configured-secret-value")
			.run((context) -> assertThat(output.getAll()).doesNotContain("configured-secret-value"));
	}

	@Test
	void tokensCompareWholly() {
		AdminToken token = AdminToken.of("abc");
		assertThat(token.matches("abc")).isTrue();
		assertThat(token.matches("abcd")).isFalse();
		assertThat(token.matches("ab")).isFalse();
		assertThat(token.matches("")).isFalse();
		assertThat(token.matches(null)).isFalse();
		assertThat(token.toString()).doesNotContain("abc");
	}

}
