package org.butterfly.admin.support;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.butterfly.admin.AdminApiApplication;
import org.butterfly.notification.NotificationServerApplication;
import org.butterfly.protocol.testing.MsnpTestClient;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.wire.Frame;
import org.butterfly.server.NettyServer;
import org.butterfly.testdb.TestDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin API and a real notification server, each in its own Spring context, sharing
 * one PostgreSQL and the cluster's PostgreSQL bus (LISTEN/NOTIFY), as in a deployment.
 */
public final class LiveCluster implements AutoCloseable {

	private final ConfigurableApplicationContext admin;

	private final ConfigurableApplicationContext notification;

	private final String api;

	private final InetSocketAddress ns;

	private LiveCluster(ConfigurableApplicationContext admin, ConfigurableApplicationContext notification) {
		this.admin = admin;
		this.notification = notification;
		this.api = "http://127.0.0.1:" + admin.getEnvironment().getProperty("local.server.port");
		this.ns = (InetSocketAddress) notification.getBean(NettyServer.class).localAddress();
	}

	/**
	 * Starts both applications on a fresh database.
	 * @param token the admin token
	 * @return the running cluster
	 */
	public static LiveCluster start(String token) {
		TestDatabase database = TestDatabase.create();
		List<String> shared = List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--butterfly.cluster.mode=postgres",
				"--butterfly.cluster.database.url=" + database.jdbcUrl(),
				"--butterfly.cluster.database.username=" + database.username(),
				"--butterfly.cluster.database.password=" + database.password(),
				"--butterfly.directory.bcrypt-strength=4", "--spring.datasource.hikari.maximum-pool-size=6");
		// Command-line arguments, because they win over each application's own file.
		// The admin API first: it owns the migrations; the notification server validates.
		ConfigurableApplicationContext admin = new SpringApplicationBuilder(AdminApiApplication.class)
			.run(arguments(shared, "--server.port=0", "--butterfly.admin.token=" + token));
		try {
			// No configuration file: the admin API's application.yml is first on this
			// class path.
			ConfigurableApplicationContext notification = new SpringApplicationBuilder(
					NotificationServerApplication.class)
				.web(WebApplicationType.NONE)
				.run(arguments(shared, "--spring.config.name=notification-server-end-to-end",
						"--spring.jpa.open-in-view=false", "--spring.jpa.hibernate.ddl-auto=validate",
						"--butterfly.directory.schema=validate", "--butterfly.notification.listener.host=127.0.0.1",
						"--butterfly.notification.listener.port=0",
						"--butterfly.notification.listener.shutdown-grace=1s"));
			return new LiveCluster(admin, notification);
		}
		catch (RuntimeException ex) {
			admin.close();
			throw ex;
		}
	}

	private static String[] arguments(List<String> shared, String... own) {
		List<String> all = new ArrayList<>(shared);
		all.addAll(List.of(own));
		return all.toArray(String[]::new);
	}

	/** The admin API's base URL, e.g. {@code http://127.0.0.1:54321}. */
	public String api() {
		return this.api;
	}

	/** The admin API's context, for its beans. */
	public ConfigurableApplicationContext admin() {
		return this.admin;
	}

	/**
	 * Signs in over MSNP5 and goes online with the first {@code CHG}.
	 * @param handle the account
	 * @param password its password
	 * @return the connected client, past {@code CHG 4 NLN}
	 */
	public MsnpTestClient signIn(String handle, String password) {
		MsnpTestClient client = MsnpTestClient.connect(this.ns);
		client.send(Frame.of("VER", "1", "MSNP5"));
		assertThat(next(client).line()).isEqualTo("VER 1 MSNP5");
		client.send(Frame.of("USR", "2", "MD5", "I", handle));
		Frame challenge = next(client);
		client.send(Frame.of("USR", "3", "MD5", "S", Md5.signInResponse(challenge.token(3), password)));
		assertThat(next(client).line()).startsWith("USR 3 OK " + handle);
		assertThat(next(client).verb()).isEqualTo("MSG");
		client.send(Frame.of("CHG", "4", "NLN"));
		assertThat(next(client).line()).isEqualTo("CHG 4 NLN");
		return client;
	}

	/**
	 * The client's next frame, which must come within five seconds.
	 * @param client the client
	 * @return the frame
	 */
	public static Frame next(MsnpTestClient client) {
		Frame frame = client.nextFrame(Duration.ofSeconds(5));
		assertThat(frame).as("a line from the server").isNotNull();
		return frame;
	}

	@Override
	public void close() {
		this.notification.close();
		this.admin.close();
	}

}
