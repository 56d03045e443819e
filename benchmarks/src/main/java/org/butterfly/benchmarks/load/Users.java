package org.butterfly.benchmarks.load;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.butterfly.client.ClientListener;
import org.butterfly.client.ClientOptions;
import org.butterfly.client.MessengerClient;
import org.butterfly.protocol.vocab.Dialect;

/**
 * Makes the simulated users' clients: one event loop group and one callback pool for all
 * of them (no thread per client), and source addresses spread round-robin over
 * 127.0.0.1..127.0.0.n so that one machine can open more connections than one address's
 * ephemeral ports allow.
 */
final class Users implements AutoCloseable {

	/** The most loopback source addresses (127.0.0.1 to 127.0.0.250). */
	static final int MAX_SOURCES = 250;

	private final EventLoopGroup group;

	private final ExecutorService callbacks;

	private final InetAddress[] sources;

	private final AtomicInteger next = new AtomicInteger();

	private final Dialect dialect;

	private final Duration timeout;

	Users(int ioThreads, int sources, Dialect dialect, Duration timeout) throws UnknownHostException {
		if (sources < 1 || sources > MAX_SOURCES) {
			throw new IllegalArgumentException("--sources must be between 1 and " + MAX_SOURCES + ": " + sources);
		}
		this.group = new MultiThreadIoEventLoopGroup(ioThreads, NioIoHandler.newFactory());
		this.callbacks = Executors.newFixedThreadPool(Math.max(2, ioThreads), (task) -> {
			Thread thread = new Thread(task, "loadgen-callbacks");
			thread.setDaemon(true);
			return thread;
		});
		this.sources = new InetAddress[sources];
		for (int i = 0; i < sources; i++) {
			this.sources[i] = InetAddress.getByAddress(new byte[] { 127, 0, 0, (byte) (i + 1) });
		}
		this.dialect = dialect;
		this.timeout = timeout;
	}

	/** A client of {@code server} from the next source address. */
	MessengerClient client(InetSocketAddress server, ClientListener listener) {
		InetAddress source = this.sources[Math.floorMod(this.next.getAndIncrement(), this.sources.length)];
		ClientOptions options = new ClientOptions(server, this.dialect, this.timeout, ClientOptions.DEFAULT_KEEP_ALIVE,
				source, this.group, this.callbacks);
		return new MessengerClient(options, listener);
	}

	Duration timeout() {
		return this.timeout;
	}

	@Override
	public void close() {
		this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
		this.callbacks.shutdownNow();
	}

}
