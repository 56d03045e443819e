package org.butterfly.cluster.postgres;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.butterfly.cluster.ClusterBus;
import org.butterfly.cluster.ClusterEvent;
import org.butterfly.cluster.ClusterEventCodec;
import org.butterfly.cluster.ClusterNode;
import org.butterfly.cluster.ClusterReceiver;
import org.butterfly.cluster.Subscription;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ClusterBus} over PostgreSQL {@code LISTEN/NOTIFY} (docs/adr/0500): one
 * channel per node ({@code cluster_<node id>}) and one for broadcasts
 * ({@code cluster_all}).
 * <p>
 * Publishing is one autocommitted {@code pg_notify} on a pooled connection, so the
 * notification leaves when that statement commits. A batch whose JSON reaches the NOTIFY
 * limit (8000 bytes) is stored in {@code cluster_payload} in the same transaction as its
 * notification, which then carries only {@code @<row id>} (docs/adr/0501).
 * <p>
 * Each subscription has a dedicated, non-pooled connection and its own thread, polling
 * {@link PGConnection#getNotifications(int)}; when the connection breaks (database
 * restart) it reconnects with a backoff, listens again and tells the receiver
 * ({@link ClusterReceiver#resumed()}). Notifications sent while it was disconnected are
 * lost: the bus is at-most-once per delivery, the state that matters is in the tables,
 * and the receiver re-reads it on resumption.
 */
public final class PgNotifyClusterBus implements ClusterBus {

	/** PostgreSQL's default limit: a NOTIFY payload must be shorter than this. */
	public static final int NOTIFY_LIMIT = 8000;

	static final String BROADCAST_CHANNEL = "cluster_all";

	private static final Logger logger = LoggerFactory.getLogger(PgNotifyClusterBus.class);

	private static final Duration POLL = Duration.ofMillis(250);

	private static final Duration CHECK_AFTER = Duration.ofSeconds(2);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

	private final ClusterEventCodec codec = new ClusterEventCodec();

	/** Starts the publish time in a payload: {@code t<epoch millis>;} then the batch. */
	private static final String PUBLISHED = "t";

	private static final char STAMP_END = ';';

	private final Jdbc publishing;

	private volatile Consumer<Duration> lag = (ignored) -> {
	};

	private final DataSource listening;

	/**
	 * @param publishing a pooled data source for publishing
	 * @param listening a data source that opens a new physical connection for each
	 * subscription (never a pool: LISTEN is bound to the connection)
	 */
	public PgNotifyClusterBus(DataSource publishing, DataSource listening) {
		this.publishing = new Jdbc(publishing);
		this.listening = listening;
	}

	/** The channel of a node. */
	static String channel(String node) {
		return "cluster_" + ClusterNode.requireValidId(node);
	}

	@Override
	public void send(String node, List<? extends ClusterEvent> events) {
		if (!events.isEmpty()) {
			publish(channel(node), this.codec.encode(events));
		}
	}

	@Override
	public void broadcast(ClusterEvent event) {
		publish(BROADCAST_CHANNEL, this.codec.encode(List.of(event)));
	}

	@Override
	public void measureLag(Consumer<Duration> observer) {
		this.lag = observer;
	}

	private void publish(String channel, String json) {
		// The publish time travels with the payload: receivers measure the bus's lag.
		String stamp = PUBLISHED + System.currentTimeMillis() + STAMP_END;
		if ((stamp + json).getBytes(StandardCharsets.UTF_8).length < NOTIFY_LIMIT) {
			this.publishing.autoCommit((connection) -> {
				notify(connection, channel, stamp + json);
				return null;
			});
			return;
		}
		this.publishing.transaction((connection) -> {
			long id;
			try (PreparedStatement insert = connection
				.prepareStatement("INSERT INTO cluster_payload (body) VALUES (?) RETURNING id")) {
				insert.setString(1, json);
				try (ResultSet row = insert.executeQuery()) {
					row.next();
					id = row.getLong(1);
				}
			}
			notify(connection, channel, stamp + "@" + id);
			return null;
		});
	}

	private static void notify(Connection connection, String channel, String payload) throws SQLException {
		Jdbc.execute(connection, "SELECT pg_notify(?, ?)", (statement) -> {
			statement.setString(1, channel);
			statement.setString(2, payload);
		});
	}

	@Override
	public Subscription subscribe(String node, ClusterReceiver receiver) {
		Listener listener = new Listener(channel(node), receiver);
		Thread thread = new Thread(listener, "cluster-listener-" + node);
		thread.setDaemon(true);
		thread.start();
		try {
			if (!listener.listening.await(30, TimeUnit.SECONDS)) {
				listener.close();
				throw new IllegalStateException("Could not LISTEN for node " + node + " within 30 s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			listener.close();
			throw new IllegalStateException("Interrupted while subscribing", ex);
		}
		return listener;
	}

	/** One node's listening connection and thread. */
	private final class Listener implements Runnable, Subscription {

		private final String channel;

		private final ClusterReceiver receiver;

		private final CountDownLatch listening = new CountDownLatch(1);

		private volatile boolean open = true;

		private volatile boolean connected;

		private volatile Thread thread;

		Listener(String channel, ClusterReceiver receiver) {
			this.channel = channel;
			this.receiver = receiver;
		}

		@Override
		public void run() {
			this.thread = Thread.currentThread();
			long backoff = 50;
			while (this.open) {
				try (Connection connection = PgNotifyClusterBus.this.listening.getConnection()) {
					try (Statement statement = connection.createStatement()) {
						statement.execute("LISTEN " + this.channel);
						statement.execute("LISTEN " + BROADCAST_CHANNEL);
					}
					if (this.listening.getCount() == 0) {
						logger.info("Listening again on {} after a reconnect", this.channel);
						resumed();
					}
					this.listening.countDown();
					this.connected = true;
					backoff = 50;
					poll(connection);
				}
				catch (SQLException ex) {
					this.connected = false;
					if (this.open) {
						logger.warn("Listener on {} lost its connection ({}); reconnecting in {} ms", this.channel,
								ex.getMessage(), backoff);
						sleep(backoff);
						backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
					}
				}
			}
		}

		private void poll(Connection connection) throws SQLException {
			PGConnection postgres = connection.unwrap(PGConnection.class);
			long lastHeard = System.nanoTime();
			while (this.open) {
				PGNotification[] notifications = postgres.getNotifications((int) POLL.toMillis());
				if (notifications == null || notifications.length == 0) {
					// A silent network loss never raises on a quiet socket: ask now and
					// then.
					if (System.nanoTime() - lastHeard > CHECK_AFTER.toNanos()) {
						if (!connection.isValid(5)) {
							throw new SQLException("listening connection is no longer valid");
						}
						lastHeard = System.nanoTime();
					}
					continue;
				}
				lastHeard = System.nanoTime();
				for (PGNotification notification : notifications) {
					deliver(connection, notification.getParameter());
				}
			}
		}

		private void deliver(Connection connection, String stamped) throws SQLException {
			String payload = stamped;
			if (stamped.startsWith(PUBLISHED) && stamped.indexOf(STAMP_END) > 0) {
				int end = stamped.indexOf(STAMP_END);
				long published = Long.parseLong(stamped.substring(PUBLISHED.length(), end));
				payload = stamped.substring(end + 1);
				PgNotifyClusterBus.this.lag
					.accept(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - published)));
			}
			String json = payload.startsWith("@") ? stored(connection, Long.parseLong(payload.substring(1))) : payload;
			if (json == null) {
				return;
			}
			try {
				this.receiver.receive(PgNotifyClusterBus.this.codec.decode(json));
			}
			catch (RuntimeException ex) {
				logger.error("Receiver on {} failed a batch; going on", this.channel, ex);
			}
		}

		private void resumed() {
			try {
				this.receiver.resumed();
			}
			catch (RuntimeException ex) {
				logger.error("Receiver on {} failed to resume", this.channel, ex);
			}
		}

		private String stored(Connection connection, long id) throws SQLException {
			try (PreparedStatement select = connection
				.prepareStatement("SELECT body FROM cluster_payload WHERE id = ?")) {
				select.setLong(1, id);
				try (ResultSet row = select.executeQuery()) {
					return row.next() ? row.getString(1) : null;
				}
			}
		}

		private void sleep(long millis) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.open = false;
			}
		}

		@Override
		public boolean isConnected() {
			return this.connected && this.open;
		}

		@Override
		public void close() {
			this.open = false;
			Thread running = this.thread;
			if (running != null && running != Thread.currentThread()) {
				try {
					running.join(5000);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
