package org.butterfly.client;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

import io.netty.channel.EventLoopGroup;

import org.butterfly.protocol.vocab.Dialect;

/**
 * How a {@link MessengerClient} connects.
 *
 * @param server the dispatch server; a notification server works too (it answers
 * {@code USR I} with the salt instead of a referral, as a combined DS+NS does, msnp.md
 * §1.3)
 * @param dialect the one dialect the client offers in {@code VER} (MSNP2 to MSNP7)
 * @param timeout how long a request waits for its reply, and the connect timeout
 * @param keepAlive how often a signed-in client sends {@code PNG} (msnp.md §13.1; the
 * official client sends one a minute, and servers drop silent sessions), {@code null} or
 * zero for never
 * @param localAddress the source address of the client's connections, {@code null} for
 * any (a load generator spreads connections over 127.0.0.x to get past one address's
 * ports)
 * @param group the event loops to use, {@code null} for the client's own single thread
 * @param callbackExecutor where listener callbacks run (one at a time per client)
 */
public record ClientOptions(InetSocketAddress server, Dialect dialect, Duration timeout, Duration keepAlive,
		InetAddress localAddress, EventLoopGroup group, Executor callbackExecutor) {

	/** The default request timeout. */
	public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

	/** The default keep-alive interval, the official client's. */
	public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofMinutes(1);

	public ClientOptions {
		if (server == null || dialect == null) {
			throw new IllegalArgumentException("a server and a dialect are required");
		}
		if (timeout == null || timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("the timeout must be positive: " + timeout);
		}
		if (keepAlive != null && keepAlive.isNegative()) {
			throw new IllegalArgumentException("the keep-alive interval must not be negative: " + keepAlive);
		}
		if (callbackExecutor == null) {
			callbackExecutor = ForkJoinPool.commonPool();
		}
	}

	/** Through the dispatch server at {@code server}, with the defaults. */
	public static ClientOptions of(InetSocketAddress server, Dialect dialect) {
		return new ClientOptions(server, dialect, DEFAULT_TIMEOUT, DEFAULT_KEEP_ALIVE, null, null, null);
	}

	public ClientOptions withTimeout(Duration timeout) {
		return new ClientOptions(this.server, this.dialect, timeout, this.keepAlive, this.localAddress, this.group,
				this.callbackExecutor);
	}

	public ClientOptions withKeepAlive(Duration keepAlive) {
		return new ClientOptions(this.server, this.dialect, this.timeout, keepAlive, this.localAddress, this.group,
				this.callbackExecutor);
	}

	public ClientOptions withLocalAddress(InetAddress localAddress) {
		return new ClientOptions(this.server, this.dialect, this.timeout, this.keepAlive, localAddress, this.group,
				this.callbackExecutor);
	}

	public ClientOptions withGroup(EventLoopGroup group) {
		return new ClientOptions(this.server, this.dialect, this.timeout, this.keepAlive, this.localAddress, group,
				this.callbackExecutor);
	}

	/** Parses {@code host:port}. */
	public static InetSocketAddress address(String hostAndPort) {
		int colon = hostAndPort.lastIndexOf(':');
		if (colon <= 0 || colon == hostAndPort.length() - 1) {
			throw new IllegalArgumentException("expected host:port, got " + hostAndPort);
		}
		try {
			int port = Integer.parseInt(hostAndPort.substring(colon + 1));
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException("port out of range in " + hostAndPort);
			}
			return InetSocketAddress.createUnresolved(hostAndPort.substring(0, colon), port);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("expected host:port, got " + hostAndPort, ex);
		}
	}

}
