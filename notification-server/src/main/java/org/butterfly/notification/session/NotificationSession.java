package org.butterfly.notification.session;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.EventExecutor;
import org.butterfly.protocol.dispatch.ProtocolSession;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.server.TokenBucket;

/**
 * The state of one notification-server connection (msnp.md §1.4), kept on its channel.
 * <p>
 * Everything but {@link #presence()} is read and changed only on {@link #executor()}, the
 * worker the dispatcher is pinned to for this channel: handlers and deliveries from other
 * sessions run there, in order, so no field needs a lock. The presence is a volatile
 * immutable value because other sessions read it for their {@code ILN} burst.
 */
public final class NotificationSession implements ProtocolSession {

	private static final AttributeKey<NotificationSession> KEY = AttributeKey.valueOf(NotificationSession.class,
			"session");

	private static final AtomicLong numbers = new AtomicLong();

	private final long number = numbers.incrementAndGet();

	private final Channel channel;

	private final EventExecutor executor;

	private NsState state = NsState.AWAITING_VER;

	private Dialect dialect;

	private Principal principal;

	private volatile Presence presence = new Presence(Status.FLN, "", true);

	private boolean firstChgDone;

	private boolean synDone;

	private String pendingHandle;

	private String pendingSalt;

	private String pendingChallenge;

	private TokenBucket renames;

	/** What this client was last told about each contact that it sees online. */
	private final Map<String, Presence> shownOnline = new HashMap<>();

	private NotificationSession(Channel channel, EventExecutor executor) {
		this.channel = channel;
		this.executor = executor;
	}

	/** Creates the session of a new connection and stores it on the channel. */
	public static NotificationSession install(Channel channel, EventExecutor executor) {
		NotificationSession session = new NotificationSession(channel, executor);
		channel.attr(KEY).set(session);
		return session;
	}

	public static NotificationSession of(Channel channel) {
		return Objects.requireNonNull(channel.attr(KEY).get(), "no session: the initializer installs it");
	}

	/**
	 * This session's {@code REA} rate limit, made by {@code create} on first use; only on
	 * the session's executor.
	 */
	public TokenBucket renames(Supplier<TokenBucket> create) {
		if (this.renames == null) {
			this.renames = create.get();
		}
		return this.renames;
	}

	/** Unique among this process's sessions: it names the session in the cluster. */
	public long number() {
		return this.number;
	}

	@Override
	public Channel channel() {
		return this.channel;
	}

	@Override
	public EventExecutor executor() {
		return this.executor;
	}

	@Override
	public boolean allows(String verb) {
		return this.state.allows(verb);
	}

	public NsState state() {
		return this.state;
	}

	/** The dialect agreed by {@code VER}; {@code null} before. */
	public Dialect dialect() {
		return this.dialect;
	}

	public void negotiated(Dialect agreed) {
		this.dialect = agreed;
		this.state = NsState.NEGOTIATED;
	}

	/** Remembers the salt sent for {@code handle}; a new {@code USR I} replaces it. */
	public void challenged(String handle, String salt) {
		this.pendingHandle = handle;
		this.pendingSalt = salt;
		this.state = NsState.CHALLENGED;
	}

	public String pendingHandle() {
		return this.pendingHandle;
	}

	public String pendingSalt() {
		return this.pendingSalt;
	}

	/** Signs the connection in; the principal is set once and never changes. */
	public void authenticated(Principal signedIn, String friendlyName) {
		if (this.principal != null) {
			throw new IllegalStateException("already signed in as " + this.principal.handle());
		}
		this.principal = signedIn;
		this.presence = this.presence.withFriendlyName(friendlyName);
		this.pendingHandle = null;
		this.pendingSalt = null;
		this.state = NsState.AUTHENTICATED;
	}

	public boolean isAuthenticated() {
		return this.principal != null;
	}

	/** The signed-in account; {@code null} before sign-in. */
	public Principal principal() {
		return this.principal;
	}

	public String handle() {
		return this.principal.handle();
	}

	/** Safe from any thread. */
	public Presence presence() {
		return this.presence;
	}

	public void presence(Presence changed) {
		this.presence = changed;
	}

	public boolean firstChgDone() {
		return this.firstChgDone;
	}

	public void firstChgDone(boolean done) {
		this.firstChgDone = done;
	}

	public boolean synDone() {
		return this.synDone;
	}

	public void synDone(boolean done) {
		this.synDone = done;
	}

	public String pendingChallenge() {
		return this.pendingChallenge;
	}

	public void pendingChallenge(String challenge) {
		this.pendingChallenge = challenge;
	}

	/**
	 * The contacts this client currently shows online, with what it was told: the memory
	 * that turns presence re-evaluations into exactly the {@code NLN}/{@code FLN} lines
	 * the client needs (msnp.md §8.4).
	 */
	public Map<String, Presence> shownOnline() {
		return this.shownOnline;
	}

	@Override
	public String toString() {
		return "NotificationSession[" + this.channel.id().asShortText() + " "
				+ ((this.principal != null) ? this.principal.handle() : this.state) + "]";
	}

}
