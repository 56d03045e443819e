package org.butterfly.notification.support;

import java.net.SocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.butterfly.directory.account.AccountService;
import org.butterfly.directory.account.NewAccount;
import org.butterfly.directory.account.Profile;
import org.butterfly.directory.config.DirectorySchema;
import org.butterfly.directory.contacts.ListService;
import org.butterfly.directory.contacts.ListType;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.testing.TranscriptRunner;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the notification server's tests: the real application on a real PostgreSQL
 * (migrated first, as the migrate job would; the server itself only validates), one
 * context shared by every subclass, listening on a free TCP port and in-JVM. Tests create
 * their own accounts through the directory, so they never see each other's data.
 */
@SpringBootTest(classes = NotificationServerApplication.class,
		properties = { "butterfly.notification.listener.host=127.0.0.1", "butterfly.notification.listener.port=0",
				"butterfly.notification.listener.local-name=ns-under-test",
				"butterfly.notification.listener.shutdown-grace=2s", "butterfly.directory.bcrypt-strength=4",
				"spring.datasource.hikari.maximum-pool-size=12",
				// No mail server here: InvitationMailTest enables the one sender, with
				// one.
				"butterfly.notification.mail.sender.enabled=false" })
public abstract class NotificationServerTest {

	/** Every account's password. */
	protected static final String PASSWORD = "secret";

	protected static final List<String> TRANSPORTS = List.of("tcp", "local");

	private static final TestDatabase database = migrated(TestDatabase.create());

	private static final AtomicInteger accountNumbers = new AtomicInteger();

	@Autowired
	protected AccountService accounts;

	@Autowired
	protected ListService lists;

	@Autowired
	protected NettyServer server;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", database::jdbcUrl);
		registry.add("spring.datasource.username", database::username);
		registry.add("spring.datasource.password", database::password);
	}

	private static TestDatabase migrated(TestDatabase database) {
		DirectorySchema.migrate(database.dataSource());
		return database;
	}

	/**
	 * Creates an account with a unique handle and the given friendly name.
	 * @return the handle
	 */
	protected String account(String name, String friendlyName) {
		String email = name + "-" + accountNumbers.incrementAndGet() + "@example.com";
		this.accounts.create(new NewAccount(email, PASSWORD, friendlyName, Profile.DEFAULT));
		return email;
	}

	/** Puts {@code contact} on {@code owner}'s list with the contact's stored name. */
	protected void list(String owner, ListType list, String contact, String name) {
		this.lists.add(owner, list, contact, name);
	}

	/** Both users watch each other (FL), with nothing on AL or BL. */
	protected void mutual(String one, String oneName, String other, String otherName) {
		list(one, ListType.FL, other, otherName);
		list(other, ListType.FL, one, oneName);
	}

	protected long version(String handle) {
		return this.accounts.find(handle).orElseThrow().listVersion();
	}

	/** Where {@code CONNECT x ns} goes on a transport. */
	protected SocketAddress address(String transport) {
		return transport.equals("tcp") ? this.server.localAddress() : this.server.inJvmAddress().orElseThrow();
	}

	/**
	 * Runs a transcript on both transports; {@code setup} creates fresh accounts for each
	 * run and returns the transcript's variables. {@code ${password}} is always set.
	 */
	protected void transcript(String resource, Function<Variables, Variables> setup) {
		for (String transport : TRANSPORTS) {
			Variables variables = setup.apply(new Variables());
			TranscriptRunner runner = new TranscriptRunner(Map.of("ns", address(transport)), Duration.ofSeconds(5))
				.with("password", PASSWORD);
			variables.values.forEach(runner::with);
			try {
				runner.run(resource);
			}
			catch (AssertionError failure) {
				throw new AssertionError("over " + transport + ": " + failure.getMessage(), failure);
			}
		}
	}

	/** Signs a raw test client in, up to and including the profile message. */
	protected MsnpTestClient signIn(SocketAddress address, String handle, String dialect) {
		MsnpTestClient client = MsnpTestClient.connect(address);
		client.send(Frame.of("VER", "1", dialect));
		assertThat(next(client).line()).isEqualTo("VER 1 " + dialect);
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		Frame challenge = next(client);
		assertThat(challenge.verb()).isEqualTo("USR");
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(challenge.token(3), PASSWORD)));
		assertThat(next(client).line()).startsWith("USR 3 OK " + handle);
		assertThat(next(client).verb()).isEqualTo("MSG");
		return client;
	}

	protected static Frame next(MsnpTestClient client) {
		Frame frame = client.nextFrame(Duration.ofSeconds(5));
		assertThat(frame).as("a line from the server").isNotNull();
		return frame;
	}

	/** The variables of one transcript run. */
	public static final class Variables {

		final Map<String, String> values = new LinkedHashMap<>();

		public Variables set(String name, Object value) {
			this.values.put(name, String.valueOf(value));
			return this;
		}

		/**
		 * {@code name0} = {@code start}, {@code name1} = {@code start + 1}, … up to
		 * {@code name<count-1>}: the list versions a transcript walks through.
		 */
		public Variables versions(String name, long start, int count) {
			for (int i = 0; i < count; i++) {
				set(name + i, start + i);
			}
			return this;
		}

	}

}
