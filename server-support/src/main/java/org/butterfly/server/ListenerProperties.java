package org.butterfly.server;

import java.time.Duration;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of one MSNP listener, bound by each application under its own prefix
 * (e.g. {@code butterfly.dispatch.listener}). Validated on construction, so an
 * application with a bad listener configuration refuses to start.
 *
 * @param host the interface to bind
 * @param port the TCP port to bind; 0 picks a free one
 * @param advertisedHost the host written into {@code XFR}/{@code RNG} for clients: a
 * dotted-quad IPv4 address (msnp.md §21) unless {@code allowHostnames}
 * @param advertisedPort the port written into {@code XFR}/{@code RNG}; 0 means the bound
 * port
 * @param allowHostnames accept host names where clients expect IPv4 literals (some period
 * clients cannot connect then)
 * @param localName when set, also listen on Netty's in-JVM transport under this name
 * (transcript runs, one-JVM deployments)
 * @param ioThreads event loop threads ({@code <role>-io-*}); 0 is Netty's default
 * @param workerThreads threads running command handlers ({@code <role>-worker-*}), each
 * connection pinned to one of them
 * @param backlog pending connections the kernel may queue
 * @param idle reader-idle timeouts per connection phase
 * @param shutdownGrace how long a stopping server waits for connections to close before
 * closing them itself
 * @param writeBuffer the outbound buffer water marks that flip a channel's writability
 * @param limits what one client may do: connections per address, command rate, time to
 * sign in
 */
public record ListenerProperties(@DefaultValue("0.0.0.0") String host, @DefaultValue("0") int port,
		@DefaultValue("127.0.0.1") String advertisedHost, @DefaultValue("0") int advertisedPort,
		@DefaultValue("false") boolean allowHostnames, String localName, @DefaultValue("0") int ioThreads,
		@DefaultValue("8") int workerThreads, @DefaultValue("1024") int backlog, @DefaultValue Idle idle,
		@DefaultValue("10s") Duration shutdownGrace, @DefaultValue WriteBuffer writeBuffer,
		@DefaultValue Limits limits) {

	public ListenerProperties {
		require(port >= 0 && port <= 65535, "port must be 0-65535: " + port);
		require(advertisedPort >= 0 && advertisedPort <= 65535, "advertised-port must be 0-65535: " + advertisedPort);
		require(ioThreads >= 0, "io-threads must not be negative");
		require(workerThreads >= 1, "worker-threads must be at least 1");
		require(backlog >= 1, "backlog must be at least 1");
		require(!shutdownGrace.isNegative(), "shutdown-grace must not be negative");
		// Fails the same way the first referral would, but at start-up.
		AdvertisedAddress.of(advertisedHost, 1, allowHostnames);
		if (localName != null && localName.isBlank()) {
			localName = null;
		}
	}

	/**
	 * The address clients are referred to: the advertised host with the advertised port,
	 * or with {@code boundPort} when none is configured.
	 */
	public AdvertisedAddress advertisedAddress(int boundPort) {
		return AdvertisedAddress.of(this.advertisedHost, (this.advertisedPort != 0) ? this.advertisedPort : boundPort,
				this.allowHostnames);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

	/**
	 * Reader-idle timeouts (STYLE.md P8): a connection that sends nothing for this long
	 * is closed.
	 *
	 * @param preAuthentication before sign-in (and for the whole life of a dispatch
	 * connection)
	 * @param keepAlive after sign-in; clients send {@code PNG} about once a minute
	 * (msnp.md §13.1); zero disables it
	 */
	public record Idle(@DefaultValue("60s") Duration preAuthentication, @DefaultValue("5m") Duration keepAlive) {

		public Idle {
			require(!preAuthentication.isNegative() && !preAuthentication.isZero(),
					"idle.pre-authentication must be positive");
			require(!keepAlive.isNegative(), "idle.keep-alive must not be negative");
		}

	}

	/**
	 * Outbound buffer water marks: above {@code high} a channel reports itself unwritable
	 * until it drains below {@code low}, so fan-out can back off (STYLE.md P10).
	 */
	public record WriteBuffer(@DefaultValue("32KB") DataSize low, @DefaultValue("64KB") DataSize high) {

		public WriteBuffer {
			require(low.toBytes() >= 0 && low.toBytes() <= high.toBytes() && high.toBytes() <= Integer.MAX_VALUE,
					"write-buffer.low must not exceed write-buffer.high");
		}

	}

	/**
	 * Limits on what one client may do (issue 11), with defaults a public server can run
	 * with: an official client sends a handful of commands at sign-in and about one a
	 * second while chatting.
	 *
	 * @param connectionsPerAddress open connections one source address may hold; 0 for no
	 * limit (users behind one NAT share an address, hence a generous default)
	 * @param commandsPerSecond sustained commands per second per connection, refilling
	 * the burst; 0 for no limit
	 * @param commandBurst commands a connection may send at once (pipelining) before the
	 * rate applies
	 * @param signInWithin how long a connection may take from connecting to signing in,
	 * however busy it keeps the line (slowloris senders); for the dispatch server, the
	 * whole connection
	 */
	public record Limits(@DefaultValue("64") int connectionsPerAddress, @DefaultValue("20") double commandsPerSecond,
			@DefaultValue("200") int commandBurst, @DefaultValue("2m") Duration signInWithin) {

		/** No limits beyond a generous sign-in deadline: tests and benchmarks. */
		public static final Limits NONE = new Limits(0, 0, 1, Duration.ofHours(1));

		public Limits {
			require(connectionsPerAddress >= 0, "limits.connections-per-address must not be negative");
			require(commandsPerSecond >= 0, "limits.commands-per-second must not be negative");
			require(commandBurst >= 1, "limits.command-burst must be at least 1");
			require(signInWithin.toMillis() > 0, "limits.sign-in-within must be positive");
		}

	}

}
