package org.butterfly.admin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.butterfly.admin.support.LiveCluster;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.wire.Frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The operator console in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}), against the admin API and a real notification server on one
 * PostgreSQL: an operator logs in with the token, creates and edits an account, sees it
 * sign in over MSNP, pushes it a {@code NOT} that the client receives, announces a
 * shutdown and kicks it. Screenshots are kept in {@code target/console-screenshots/}.
 * Skipped only where Chromium or its driver is not installed; CI installs both
 * ({@code .ci/run}).
 */
class ConsoleBrowserTest {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final String TOKEN = "console-browser-token";

	private static final String PASSWORD = "console-pw";

	private static final Duration PATIENCE = Duration.ofSeconds(15);

	private static LiveCluster cluster;

	private static Path profile;

	private static WebDriver browser;

	private static WebDriverWait wait;

	@BeforeAll
	static void start() throws IOException {
		assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
				"needs Debian's chromium and chromium-driver");
		cluster = LiveCluster.start(TOKEN);
		// Never Selenium Manager: this machine has no internet, and Debian's driver
		// matches its browser.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		profile = Files.createTempDirectory("console-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,900", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, PATIENCE);
	}

	@AfterAll
	static void stop() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (cluster != null) {
			cluster.close();
		}
		if (profile != null) {
			try (var files = Files.walk(profile)) {
				files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void anOperatorCreatesAnAccountSeesItOnlinePushesItAnAlertAndKicksIt() throws Exception {
		browser.get(cluster.api() + "/console/");
		// A wrong token is refused with the API's problem, and the console stays locked.
		logIn("not-the-token");
		assertThat(message()).contains("401 Unauthorized");
		assertThat(find("#app").isDisplayed()).isFalse();
		logIn(TOKEN);
		wait.until((driver) -> find("#app").isDisplayed());

		String email = "console-user@example.com";
		createAccount(email, "Console User");
		wait.until((driver) -> message().contains("Account " + email + " created."));
		wait.until((driver) -> find("#detail-email").getText().equals(email));
		assertThat(rows("#accounts-table")).anySatisfy((row) -> assertThat(row).contains(email, "Console User"));
		screenshot("console-accounts.png");
		// The API's refusals, shown as they came: status, title, detail, MSNP code.
		createAccount(email, null);
		wait.until((driver) -> message().contains("409 Conflict: An account " + email + " exists already"));
		type("#list-contact", "nobody@example.com");
		click("#list-add-form button[type=submit]");
		wait.until((driver) -> message().startsWith("404 ") && message().contains("MSNP error 205"));
		type("#edit-name", "Console User II");
		click("#edit-form button[type=submit]");
		wait.until((driver) -> message().contains("Account " + email + " saved."));
		wait.until((driver) -> rows("#accounts-table").stream().anyMatch((row) -> row.contains("Console User II")));

		try (MsnpTestClient client = cluster.signIn(email, PASSWORD)) {
			click("#nav-online");
			wait.until((driver) -> rows("#sessions-table").stream()
				.anyMatch((row) -> row.contains(email) && row.contains("NLN") && row.contains("MSNP5")));
			screenshot("console-online.png");

			click("#nav-nodes");
			wait.until((driver) -> rows("#nodes-table").stream().anyMatch((row) -> row.startsWith("ns ")));
			screenshot("console-nodes.png");

			click("#nav-alerts");
			type("#alert-email", email);
			type("#alert-text", "Maintenance <tonight> & tomorrow");
			type("#alert-site-url", "http://alerts.example.net/");
			click("#alert-form button[type=submit]");
			wait.until((driver) -> find("#alert-result").isDisplayed());
			assertThat(find("#alert-state").getText()).isEqualTo("delivered");
			Frame not = LiveCluster.next(client);
			byte[] document = not.payloadAsUtf8().getBytes(StandardCharsets.UTF_8);
			assertThat(not.line()).isEqualTo("NOT " + document.length);
			assertThat(not.payloadAsUtf8()).contains("<TEXT>Maintenance &lt;tonight&gt; &amp; tomorrow</TEXT>",
					"siteurl=\"http://alerts.example.net/\"");
			screenshot("console-alert.png");

			// Everybody online, this user included.
			click("#alert-to-online");
			type("#alert-text", "Hello everybody");
			click("#alert-form button[type=submit]");
			wait.until((driver) -> find("#alert-result").getText().contains(email + ": delivered"));
			assertThat(LiveCluster.next(client).payloadAsUtf8()).contains("<TEXT>Hello everybody</TEXT>");

			click("#nav-maintenance");
			type("#maintenance-minutes", "5");
			click("#maintenance-form button[type=submit]");
			wait.until((driver) -> find("#maintenance-result").getText().contains("Shutdown in 5 minute(s)"));
			Frame system = LiveCluster.next(client);
			assertThat(system.line()).startsWith("MSG Hotmail Hotmail ");
			assertThat(system.payloadAsUtf8()).contains("application/x-msmsgssystemmessage", "Arg1: 5");

			click("#nav-online");
			// The online table redraws itself: a button found a moment ago may be gone.
			wait.ignoring(StaleElementReferenceException.class).until((driver) -> {
				find("#sessions-table tr[data-email='" + email + "'] .kick").click();
				return true;
			});
			assertThat(LiveCluster.next(client).line()).isEqualTo("OUT");
			assertThat(client.next(Duration.ofSeconds(5))).isSameAs(MsnpTestClient.CLOSED);
			wait.until((driver) -> rows("#sessions-table").stream().noneMatch((row) -> row.contains(email)));
		}
	}

	private static void logIn(String token) {
		type("#token", token);
		click("#login-form button[type=submit]");
		wait.until((driver) -> !find("#message").isDisplayed() || !message().isEmpty());
		if (!token.equals(TOKEN)) {
			wait.until((driver) -> find("#message").isDisplayed());
		}
	}

	private static void createAccount(String email, String friendlyName) {
		click("#nav-accounts");
		type("#create-email", email);
		type("#create-password", PASSWORD);
		if (friendlyName != null) {
			type("#create-name", friendlyName);
		}
		click("#create-form button[type=submit]");
	}

	private static WebElement find(String selector) {
		return browser.findElement(By.cssSelector(selector));
	}

	private static void click(String selector) {
		find(selector).click();
	}

	private static void type(String selector, String text) {
		WebElement input = find(selector);
		input.clear();
		input.sendKeys(text);
	}

	private static String message() {
		WebElement message = find("#message");
		return message.isDisplayed() ? message.getText() : "";
	}

	/**
	 * Each row's cells, joined by single spaces, read in one script: the console redraws
	 * its tables every few seconds, so elements found one call earlier may be gone.
	 */
	@SuppressWarnings("unchecked")
	private static List<String> rows(String table) {
		return (List<String>) ((ChromeDriver) browser).executeScript(
				"return Array.from(document.querySelectorAll(arguments[0] + ' tbody tr'))"
						+ ".map((row) => Array.from(row.cells).map((cell) => cell.innerText.trim()).join(' '));",
				table);
	}

	/** Keeps what the operator saw, as a test artifact. */
	private static void screenshot(String name) throws IOException {
		Path directory = Path.of(System.getProperty("basedir", "."), "target", "console-screenshots");
		Files.createDirectories(directory);
		byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
		Files.write(directory.resolve(name), png);
	}

}
