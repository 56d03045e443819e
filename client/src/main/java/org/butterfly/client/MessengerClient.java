package org.butterfly.client;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;

import org.butterfly.client.internal.Connection;
import org.butterfly.client.internal.ListState;
import org.butterfly.client.internal.SerialExecutor;
import org.butterfly.protocol.command.ClientCommand;
import org.butterfly.protocol.command.ClientCommands;
import org.butterfly.protocol.vocab.Challenges;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Md5;
import org.butterfly.protocol.vocab.Status;
import org.butterfly.protocol.vocab.UrlEncoding;
import org.butterfly.protocol.wire.Frame;

/**
 * An MSNP2-MSNP7 client: signs in through the dispatch server, keeps the contact lists
 * and the contacts' presence as the notification server reports them, and opens and
 * answers switchboard sessions.
 * <p>
 * Every request returns a {@link CompletableFuture} that completes with the server's
 * reply (matched by TrID), fails with a {@link ServerErrorException} carrying the MSNP
 * error code, with a {@link ClientException} when the connection closes, or with a
 * {@link java.util.concurrent.TimeoutException} after {@link ClientOptions#timeout()}.
 * What the server pushes goes to the {@link ClientListener}. Thread-safe: the state is
 * written on the connection's event loop and read through snapshots.
 * <p>
 * After {@link #signOut()} the same client may sign in again: it keeps the lists and
 * their version, so the next {@link #sync()} receives only what changed.
 */
public final class MessengerClient implements AutoCloseable {

	/** The longest URL-encoded name the server accepts; longer closes (§9.1, §9.3). */
	public static final int MAX_NAME_BYTES = 387;

	/** The longest URL-encoded phone value the server accepts; longer closes (§11.1). */
	public static final int MAX_PHONE_BYTES = 95;

	/** Referrals followed before giving up ({@code XFR NS} from a DS, or an NS). */
	private static final int MAX_REFERRALS = 3;

	private final ClientOptions options;

	private final ClientListener listener;

	private final EventLoopGroup group;

	private final boolean ownGroup;

	private final Executor callbacks;

	private final AtomicInteger trIds = new AtomicInteger();

	private final ListState lists;

	private final Map<String, Presence> presences = new ConcurrentHashMap<>();

	private final Set<Switchboard> switchboards = ConcurrentHashMap.newKeySet();

	private volatile Connection notification;

	private volatile SignedIn signedIn;

	private volatile Status status = Status.FLN;

	private volatile String friendlyName;

	/** Set by {@link #signOut()}: the server's {@code OUT} echo is no news then. */
	private volatile boolean leaving;

	public MessengerClient(ClientOptions options, ClientListener listener) {
		this.options = options;
		this.listener = (listener != null) ? listener : new ClientListener() {
		};
		this.ownGroup = options.group() == null;
		this.group = this.ownGroup ? new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory()) : options.group();
		this.callbacks = new SerialExecutor(options.callbackExecutor());
		this.lists = new ListState(0, options.dialect().hasGroups());
	}

	/**
	 * Signs in with MD5 (msnp.md §4, §5): {@code VER}, {@code INF}, {@code USR I} at the
	 * dispatch server, which refers the client to a notification server ({@code XFR NS});
	 * there {@code VER}, {@code INF}, {@code USR I}, {@code USR S}.
	 * @param handle the user's e-mail address
	 * @param password the password
	 * @return the user as signed in; fails with error 911 for a wrong password
	 */
	public CompletableFuture<SignedIn> signIn(String handle, String password) {
		Connection current = this.notification;
		if (current != null && current.isOpen()) {
			return CompletableFuture.failedFuture(new ClientException("already signed in as " + this.signedIn));
		}
		this.presences.clear();
		this.status = Status.FLN;
		this.leaving = false;
		return handshake(this.options.server(), handle, password, MAX_REFERRALS);
	}

	/**
	 * Synchronises the lists ({@code SYN}, §7) from the version this client holds (0 the
	 * first time), so an unchanged account answers with one line.
	 * @return the lists after the reply
	 */
	public CompletableFuture<ContactList> sync() {
		long cached = this.lists.version();
		return notification()
			.request((trId) -> new ClientCommands.Syn(trId, cached), (frame) -> syncDone(frame, cached))
			.thenApply((done) -> this.lists.snapshot());
	}

	/**
	 * Sets the status ({@code CHG}, §8.2); the first one makes the server send the
	 * contacts' presence ({@code ILN}).
	 */
	public CompletableFuture<Status> setStatus(Status status) {
		return notification().request((trId) -> new ClientCommands.Chg(trId, status)).thenApply((echo) -> this.status);
	}

	/** Adds a contact to FL, AL or BL ({@code ADD}, §9.1). */
	public CompletableFuture<ContactList> add(ListType list, String handle, String customName) {
		return add(list, handle, customName, OptionalInt.empty());
	}

	/**
	 * Adds a contact to FL in a group (MSNP7, §10.6), or to AL/BL with an empty group.
	 */
	public CompletableFuture<ContactList> add(ListType list, String handle, String customName, OptionalInt group) {
		return listCommand((trId) -> new ClientCommands.Add(trId, list, handle, name(customName), group));
	}

	/** Removes a contact from FL, AL or BL ({@code REM}, §9.2). */
	public CompletableFuture<ContactList> remove(ListType list, String handle) {
		return listCommand((trId) -> new ClientCommands.Rem(trId, list, handle, OptionalInt.empty()));
	}

	/**
	 * Sets who may see the user by default ({@code BLP}, §9.4): {@code AL} everyone not
	 * blocked, {@code BL} only those allowed.
	 */
	public CompletableFuture<ContactList> setPrivacy(String blp) {
		return listCommand((trId) -> new ClientCommands.Blp(trId, oneOf(blp, "AL", "BL")));
	}

	/**
	 * Sets whether the user is asked about new watchers ({@code GTC}, §9.4): {@code A}
	 * ask, {@code N} allow silently.
	 */
	public CompletableFuture<ContactList> setReversePrompt(String gtc) {
		return listCommand((trId) -> new ClientCommands.Gtc(trId, oneOf(gtc, "A", "N")));
	}

	/**
	 * Sets or (with {@code null}) unsets a phone property ({@code PRP}, MSNP5+, §11.1):
	 * {@code PHH}, {@code PHW}, {@code PHM} or {@code MOB}.
	 */
	public CompletableFuture<ContactList> setPhone(String key, String value) {
		String encoded = (value != null) ? UrlEncoding.encode(value) : null;
		if (encoded != null && (encoded.isEmpty() || encoded.length() > MAX_PHONE_BYTES)) {
			throw new IllegalArgumentException("a phone property must be 1 to " + MAX_PHONE_BYTES
					+ " bytes once URL-encoded, not " + encoded.length());
		}
		return listCommand((trId) -> new ClientCommands.Prp(trId, oneOf(key, "PHH", "PHW", "PHM", "MOB"), encoded));
	}

	/** Changes the user's own friendly name ({@code REA} on the own handle, §9.3). */
	public CompletableFuture<ContactList> setFriendlyName(String name) {
		return renameContact(signedIn().handle(), name);
	}

	/** Changes the name stored with a contact on every list ({@code REA}, §9.3). */
	public CompletableFuture<ContactList> renameContact(String handle, String name) {
		return listCommand((trId) -> new ClientCommands.Rea(trId, handle, name(name)));
	}

	/** Creates a group ({@code ADG}, MSNP7, §10.3). */
	public CompletableFuture<ContactList> addGroup(String name) {
		return listCommand((trId) -> new ClientCommands.Adg(trId, name(name)));
	}

	/** Removes a group ({@code RMG}, MSNP7, §10.5). */
	public CompletableFuture<ContactList> removeGroup(int id) {
		return listCommand((trId) -> new ClientCommands.Rmg(trId, id));
	}

	/**
	 * Opens a new conversation: {@code XFR SB} on the notification server (§13.3), then
	 * {@code USR} on the switchboard it names (§14.1). Invite people with
	 * {@link Switchboard#invite}.
	 */
	public CompletableFuture<Switchboard> openSwitchboard(SwitchboardListener events) {
		SignedIn user = signedIn();
		return notification().request((trId) -> new ClientCommands.Xfr(trId, "SB")).thenCompose((referral) -> {
			if (referral.tokenCount() < 5 || !"SB".equals(referral.token(1)) || !"CKI".equals(referral.token(3))) {
				throw new ClientException("unexpected switchboard referral: " + referral.line());
			}
			Switchboard switchboard = new Switchboard(user.handle(), events, this.callbacks);
			return connectSwitchboard(switchboard, ClientOptions.address(referral.token(2)),
					(joined) -> joined.signIn(referral.token(4)));
		});
	}

	/** Joins the conversation of an invitation ({@code ANS}, §14.1). */
	public CompletableFuture<Switchboard> answer(Invitation invitation, SwitchboardListener events) {
		Switchboard switchboard = new Switchboard(signedIn().handle(), events, this.callbacks);
		return connectSwitchboard(switchboard, invitation.switchboard(), (joined) -> joined.answer(invitation));
	}

	/**
	 * Joins a switchboard with a cookie obtained elsewhere (a test, or a load generator
	 * that mints tickets): {@code USR TrID handle cookie} at {@code address}.
	 */
	public CompletableFuture<Switchboard> joinSwitchboard(InetSocketAddress address, String handle, String cookie,
			SwitchboardListener events) {
		Switchboard switchboard = new Switchboard(handle, events, this.callbacks);
		return connectSwitchboard(switchboard, address, (joined) -> joined.signIn(cookie));
	}

	/** The lists as last reported. */
	public ContactList contactList() {
		return this.lists.snapshot();
	}

	/** A contact's presence as last reported; {@link Presence#OFFLINE} if none. */
	public Presence presence(String handle) {
		return this.presences.getOrDefault(handle, Presence.OFFLINE);
	}

	/** Every contact the server reported online or offline, by handle. */
	public Map<String, Presence> presences() {
		return Map.copyOf(this.presences);
	}

	/** The user's status as the server last echoed it; {@code FLN} before the first. */
	public Status status() {
		return this.status;
	}

	/** The user's friendly name as the server last reported it. */
	public String friendlyName() {
		return this.friendlyName;
	}

	/** The signed-in user; fails when not signed in. */
	public SignedIn signedIn() {
		SignedIn user = this.signedIn;
		if (user == null || !isSignedIn()) {
			throw new ClientException("not signed in");
		}
		return user;
	}

	public boolean isSignedIn() {
		Connection current = this.notification;
		return current != null && current.isOpen() && this.signedIn != null;
	}

	/** Signs out ({@code OUT}, §13.2); open switchboards stay open (§14.3). */
	public CompletableFuture<Void> signOut() {
		Connection current = this.notification;
		this.leaving = true;
		return (current != null) ? current.signOut(new ClientCommands.Out().toFrame())
				: CompletableFuture.completedFuture(null);
	}

	/**
	 * Leaves every conversation, signs out and, when the client owns its event loop,
	 * stops it.
	 */
	@Override
	public void close() {
		this.switchboards.forEach(Switchboard::close);
		CompletableFuture<Void> out = signOut();
		try {
			out.get(this.options.timeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (Exception ex) {
			// Closing anyway: the server notices the lost connection.
		}
		if (this.ownGroup) {
			this.group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
		}
	}

	private CompletableFuture<SignedIn> handshake(InetSocketAddress server, String handle, String password,
			int referralsLeft) {
		return open(server, this::received, this::notificationClosed).thenCompose((connection) -> {
			CompletableFuture<SignedIn> result = negotiate(connection)
				.thenCompose(
						(negotiated) -> connection.request((trId) -> new ClientCommands.Usr(trId, "MD5", "I", handle),
								(reply) -> reply.verb().equals("USR") || reply.verb().equals("XFR")))
				.thenCompose((reply) -> {
					if (reply.verb().equals("XFR")) {
						return refer(connection, reply, handle, password, referralsLeft);
					}
					String salt = reply.token(3);
					return connection
						.request((trId) -> new ClientCommands.Usr(trId, "MD5", "S", Md5.signInResponse(salt, password)))
						.thenApply((ok) -> signedIn(connection, ok));
				});
			result.whenComplete((user, failure) -> {
				if (failure != null) {
					connection.close();
				}
			});
			return result;
		});
	}

	/** {@code VER} with the one dialect, then {@code INF} (§3.1, §3.4). */
	private CompletableFuture<Frame> negotiate(Connection connection) {
		Dialect dialect = this.options.dialect();
		return connection.request((trId) -> new ClientCommands.Ver(trId, List.of(dialect.name(), "CVR0")))
			.thenCompose((ver) -> {
				if (!ver.token(1).equalsIgnoreCase(dialect.name())) {
					throw new ClientException("the server does not speak " + dialect + ": " + ver.line());
				}
				return connection.request(ClientCommands.Inf::new);
			})
			.thenApply((inf) -> {
				if (!inf.tokens().contains("MD5")) {
					throw new ClientException("the server does not offer MD5 sign-in: " + inf.line());
				}
				return inf;
			});
	}

	/** {@code XFR TrID NS host:port ...}: the server closes; start again there (§4). */
	private CompletableFuture<SignedIn> refer(Connection connection, Frame referral, String handle, String password,
			int referralsLeft) {
		connection.close();
		if (!"NS".equals(referral.token(1)) || referral.tokenCount() < 3) {
			throw new ClientException("unexpected referral: " + referral.line());
		}
		if (referralsLeft == 0) {
			throw new ClientException("more than " + MAX_REFERRALS + " referrals: " + referral.line());
		}
		return handshake(ClientOptions.address(referral.token(2)), handle, password, referralsLeft - 1);
	}

	/** {@code USR TrID OK handle friendly-name [verified]} (§5.3). */
	private SignedIn signedIn(Connection connection, Frame ok) {
		if (!"OK".equals(ok.token(1)) || ok.tokenCount() < 4) {
			throw new ClientException("unexpected sign-in reply: " + ok.line());
		}
		this.friendlyName = UrlEncoding.decode(ok.token(3));
		SignedIn user = new SignedIn(ok.token(2), this.friendlyName, this.options.dialect());
		this.signedIn = user;
		this.notification = connection;
		Duration keepAlive = this.options.keepAlive();
		if (keepAlive != null && !keepAlive.isZero()) {
			connection.repeat(new ClientCommands.Png().toFrame(), keepAlive);
		}
		return user;
	}

	private CompletableFuture<Switchboard> connectSwitchboard(Switchboard switchboard, InetSocketAddress address,
			Function<Switchboard, CompletableFuture<Switchboard>> join) {
		return open(address, switchboard::received, (closed) -> {
			this.switchboards.remove(switchboard);
			switchboard.closed();
		}).thenCompose((connection) -> {
			switchboard.attach(connection);
			this.switchboards.add(switchboard);
			CompletableFuture<Switchboard> joined = join.apply(switchboard);
			joined.whenComplete((done, failure) -> {
				if (failure != null) {
					connection.close();
				}
			});
			return joined;
		});
	}

	private CompletableFuture<Connection> open(InetSocketAddress address, Consumer<Frame> frames,
			Consumer<Connection> closeHandler) {
		return Connection.open(this.group, address, this.options.localAddress(), this.trIds, this.options.timeout(),
				frames, closeHandler);
	}

	private CompletableFuture<ContactList> listCommand(Function<String, ClientCommand> command) {
		return notification().request(command).thenApply((reply) -> this.lists.snapshot());
	}

	private Connection notification() {
		Connection current = this.notification;
		if (current == null || !current.isOpen()) {
			throw new ClientException("not signed in");
		}
		return current;
	}

	/**
	 * The end of a SYN reply: the single {@code SYN} line when the cached version is
	 * current, else the last {@code LST RL} line of the dump (§7.2, §7.3).
	 */
	private static boolean syncDone(Frame frame, long cached) {
		return switch (frame.verb()) {
			case "SYN" -> Long.parseLong(frame.token(1)) == cached;
			case "LST" -> "RL".equals(frame.token(1)) && frame.token(3).equals(frame.token(4));
			default -> false;
		};
	}

	/** Every frame from a dispatch or notification server, on the event loop. */
	private void received(Frame frame) {
		if (this.lists.apply(frame)) {
			listLine(frame);
			return;
		}
		switch (frame.verb()) {
			case "CHG" -> Status.fromToken(frame.token(1)).ifPresent((echoed) -> this.status = echoed);
			case "ILN" ->
				presence(frame.token(2), new Presence(status(frame.token(1)), UrlEncoding.decode(frame.token(3))));
			case "NLN" ->
				presence(frame.token(1), new Presence(status(frame.token(0)), UrlEncoding.decode(frame.token(2))));
			case "FLN" -> presence(frame.token(0), Presence.OFFLINE);
			case "NOT" -> {
				Alert alert = new Alert(frame.payloadAsUtf8());
				this.callbacks.execute(() -> this.listener.alert(alert));
			}
			case "RNG" -> {
				Invitation invitation = new Invitation(frame.token(0), ClientOptions.address(frame.token(1)),
						frame.token(3), frame.token(4), UrlEncoding.decode(frame.token(5)));
				this.callbacks.execute(() -> this.listener.invited(invitation));
			}
			case "OUT" -> {
				if (this.leaving) {
					return;
				}
				String reason = (frame.tokenCount() > 0) ? frame.token(0) : "";
				this.callbacks.execute(() -> this.listener.signedOut(reason));
			}
			case "CHL" -> answerChallenge(frame.token(1));
			default -> {
				// Replies complete their requests; the profile MSG and QNG need nothing.
			}
		}
	}

	/** Pushed list changes become events; the own REA updates the name. */
	private void listLine(Frame frame) {
		boolean pushed = frame.tokenCount() > 0 && "0".equals(frame.token(0));
		if (frame.verb().equals("REA") && this.signedIn != null && frame.token(2).equals(this.signedIn.handle())) {
			this.friendlyName = UrlEncoding.decode(frame.token(3));
		}
		else if (pushed && frame.verb().equals("ADD") && "RL".equals(frame.token(1))) {
			String name = UrlEncoding.decode(frame.token(4));
			this.callbacks.execute(() -> this.listener.addedBy(frame.token(3), name));
		}
		else if (pushed && frame.verb().equals("REM") && "RL".equals(frame.token(1))) {
			this.callbacks.execute(() -> this.listener.removedBy(frame.token(3)));
		}
	}

	private void presence(String handle, Presence presence) {
		this.presences.put(handle, presence);
		this.callbacks.execute(() -> this.listener.presenceChanged(handle, presence));
	}

	/**
	 * {@code CHL 0 challenge} → {@code QRY} with the MSN Messenger 3.6/4.x key (§12.1).
	 */
	private void answerChallenge(String challenge) {
		String productId = Challenges.MSMSGS_PRODUCT_ID;
		byte[] answer = Challenges.expectedResponse(productId, challenge)
			.orElseThrow()
			.getBytes(StandardCharsets.US_ASCII);
		notification().request((trId) -> new ClientCommands.Qry(trId, productId, answer));
	}

	private void notificationClosed(Connection connection) {
		if (connection == this.notification) {
			this.status = Status.FLN;
			this.callbacks.execute(this.listener::disconnected);
		}
	}

	private static Status status(String token) {
		return Status.fromToken(token).orElseThrow(() -> new ClientException("unknown status " + token));
	}

	/** A name in its wire form, refused before the server would close the connection. */
	private static String name(String name) {
		String encoded = UrlEncoding.encode(name);
		if (encoded.isEmpty() || encoded.length() > MAX_NAME_BYTES) {
			throw new IllegalArgumentException(
					"a name must be 1 to " + MAX_NAME_BYTES + " bytes once URL-encoded, not " + encoded.length());
		}
		return encoded;
	}

	private static String oneOf(String value, String... allowed) {
		String upper = (value != null) ? value.toUpperCase(Locale.ROOT) : "";
		for (String candidate : allowed) {
			if (candidate.equals(upper)) {
				return candidate;
			}
		}
		throw new IllegalArgumentException("expected one of " + String.join(", ", allowed) + ", got " + value);
	}

}
