package org.butterfly.client;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.butterfly.protocol.command.ClientCommands.AckMode;
import org.butterfly.protocol.vocab.Dialect;
import org.butterfly.protocol.vocab.ErrorCode;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client library against the real platform (dispatch, notification, switchboard and
 * admin API in this JVM on PostgreSQL): every exchange goes over TCP to the servers.
 */
class MessengerClientTest {

	private static final TestPlatform platform = TestPlatform.get();

	private final List<MessengerClient> clients = new ArrayList<>();

	@AfterEach
	void closeClients() {
		this.clients.forEach(MessengerClient::close);
	}

	@ParameterizedTest
	@EnumSource(Dialect.class)
	void signsInThroughTheDispatchServerAndSyncsInEveryDialect(Dialect dialect) throws Exception {
		String alice = platform.createAccount("alice", "Alice Liddell");
		String bob = platform.createAccount("bob", "Bob");
		platform.addToList(alice, "FL", bob);

		MessengerClient client = client(dialect, new Events());
		SignedIn user = get(client.signIn(alice, TestPlatform.PASSWORD));
		assertThat(user).isEqualTo(new SignedIn(alice, "Alice Liddell", dialect));
		assertThat(client.isSignedIn()).isTrue();

		ContactList lists = get(client.sync());
		assertThat(lists.list(ListType.FL)).extracting(ContactList.Entry::handle).containsExactly(bob);
		assertThat(lists.version()).isPositive();
		assertThat(lists.gtc()).isIn("A", "N");
		assertThat(lists.blp()).isIn("AL", "BL");
		if (dialect.hasGroups()) {
			assertThat(lists.groups()).containsKey(0);
			assertThat(lists.list(ListType.FL).get(0).groups()).containsExactly(0);
		}
		assertThat(get(client.setStatus(Status.NLN))).isEqualTo(Status.NLN);
		assertThat(client.status()).isEqualTo(Status.NLN);
	}

	@Test
	void aWrongPasswordFailsWithError911() {
		String alice = platform.createAccount("alice", "Alice");
		MessengerClient client = client(Dialect.MSNP5, new Events());
		assertThatThrownBy(() -> get(client.signIn(alice, "wrong"))).isInstanceOfSatisfying(ServerErrorException.class,
				(error) -> {
					assertThat(error.code()).isEqualTo(911);
					assertThat(error.command()).isEqualTo("USR");
					assertThat(error.getMessage()).contains("911").contains("authentication failed");
				});
		assertThat(client.isSignedIn()).isFalse();
	}

	@Test
	void receivesPresenceAsContactsComeAndGo() throws Exception {
		String alice = platform.createAccount("alice", "Alice");
		String bob = platform.createAccount("bob", "Bob B.");
		platform.befriend(alice, bob);

		Events bobEvents = new Events();
		MessengerClient bobClient = signedIn(bob, Dialect.MSNP7, bobEvents);
		get(bobClient.setStatus(Status.BSY));

		Events aliceEvents = new Events();
		MessengerClient aliceClient = signedIn(alice, Dialect.MSNP5, aliceEvents);
		// The first CHG brings the online contacts (ILN).
		assertThat(aliceEvents.await("presence " + bob)).isEqualTo("presence " + bob + " BSY Bob B.");
		assertThat(aliceClient.presence(bob)).isEqualTo(new Presence(Status.BSY, "Bob B."));
		assertThat(bobEvents.await("presence " + alice)).isEqualTo("presence " + alice + " NLN Alice");

		get(bobClient.setStatus(Status.AWY));
		assertThat(aliceEvents.await("presence " + bob)).isEqualTo("presence " + bob + " AWY Bob B.");
		get(bobClient.setFriendlyName("Bobby Tables"));
		assertThat(aliceEvents.await("presence " + bob)).isEqualTo("presence " + bob + " AWY Bobby Tables");
		assertThat(bobClient.friendlyName()).isEqualTo("Bobby Tables");
		get(bobClient.setStatus(Status.HDN));
		assertThat(aliceEvents.await("presence " + bob)).isEqualTo("presence " + bob + " FLN null");
		get(bobClient.setStatus(Status.NLN));
		assertThat(aliceEvents.await("presence " + bob)).isEqualTo("presence " + bob + " NLN Bobby Tables");

		get(bobClient.signOut(), Duration.ofSeconds(10));
		assertThat(bobEvents.await("disconnected")).isEqualTo("disconnected");
		assertThat(aliceEvents.await("presence " + bob)).isEqualTo("presence " + bob + " FLN null");
		assertThat(aliceClient.presences()).containsEntry(bob, Presence.OFFLINE);
	}

	@Test
	void managesListsPrivacyAndPhones() throws Exception {
		String alice = platform.createAccount("alice", "Alice");
		String bob = platform.createAccount("bob", "Bob");
		String carol = platform.createAccount("carol", "Carol");
		platform.addToList(bob, "FL", alice);

		Events carolEvents = new Events();
		signedIn(carol, Dialect.MSNP5, carolEvents);
		Events bobEvents = new Events();
		signedIn(bob, Dialect.MSNP5, bobEvents);
		MessengerClient client = signedIn(alice, Dialect.MSNP7, new Events());
		assertThat(bobEvents.await("presence " + alice)).isEqualTo("presence " + alice + " NLN Alice");

		// ADD FL: carol is told (ADD 0 RL); the reply updates the lists.
		ContactList lists = get(client.add(ListType.FL, carol, "Carol C."));
		assertThat(lists.find(ListType.FL, carol)).contains(new ContactList.Entry(carol, "Carol C.", List.of(0)));
		assertThat(carolEvents.await("addedBy")).isEqualTo("addedBy " + alice + " Alice");
		assertThat(get(client.add(ListType.AL, carol, "Carol")).contains(ListType.AL, carol)).isTrue();
		// Blocking bob makes alice disappear for him.
		assertThat(get(client.add(ListType.BL, bob, "Bob")).contains(ListType.BL, bob)).isTrue();
		assertThat(bobEvents.await("presence " + alice)).isEqualTo("presence " + alice + " FLN null");
		assertThatThrownBy(() -> get(client.add(ListType.AL, bob, "Bob")))
			.isInstanceOfSatisfying(ServerErrorException.class, (error) -> assertThat(error.code()).isEqualTo(219));
		assertThatThrownBy(() -> get(client.add(ListType.FL, platform.newHandle("nobody"), "Nobody")))
			.isInstanceOfSatisfying(ServerErrorException.class, (error) -> assertThat(error.code()).isEqualTo(205));
		assertThat(get(client.remove(ListType.BL, bob)).contains(ListType.BL, bob)).isFalse();
		assertThat(get(client.remove(ListType.FL, carol)).contains(ListType.FL, carol)).isFalse();
		assertThat(carolEvents.await("removedBy")).isEqualTo("removedBy " + alice);

		// Privacy and the reverse-list prompt; the same value again is 218.
		String other = client.contactList().blp().equals("AL") ? "BL" : "AL";
		assertThat(get(client.setPrivacy(other)).blp()).isEqualTo(other);
		assertThatThrownBy(() -> get(client.setPrivacy(other))).isInstanceOfSatisfying(ServerErrorException.class,
				(error) -> assertThat(error.errorCode()).contains(ErrorCode.ALREADY_IN_MODE));
		String gtc = client.contactList().gtc().equals("A") ? "N" : "A";
		assertThat(get(client.setReversePrompt(gtc)).gtc()).isEqualTo(gtc);

		// Phones (MSNP5+) and groups (MSNP7).
		assertThat(get(client.setPhone("PHH", "+1 555 0100")).phones()).containsEntry("PHH", "+1 555 0100");
		assertThat(get(client.setPhone("PHH", null)).phones()).doesNotContainKey("PHH");
		ContactList grouped = get(client.addGroup("Work mates"));
		assertThat(grouped.groups()).containsValue("Work mates");
		int work = grouped.groups()
			.entrySet()
			.stream()
			.filter((g) -> g.getValue().equals("Work mates"))
			.findFirst()
			.orElseThrow()
			.getKey();
		assertThat(get(client.removeGroup(work)).groups()).doesNotContainKey(work);
		assertThatThrownBy(() -> client.setPhone("XYZ", "1")).isInstanceOf(IllegalArgumentException.class);
		// What the server would answer by closing the connection is refused before
		// sending.
		assertThatThrownBy(() -> client.setPhone("PHM", "9".repeat(96))).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("95");
		assertThatThrownBy(() -> client.add(ListType.FL, carol, "é".repeat(65)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("387");
		assertThat(client.isSignedIn()).isTrue();

		// Signing in again with the same client: SYN from the kept version gets one line,
		// and the lists are still there.
		ContactList before = client.contactList();
		get(client.signOut(), Duration.ofSeconds(10));
		get(client.signIn(alice, TestPlatform.PASSWORD));
		ContactList after = get(client.sync());
		assertThat(after).isEqualTo(before);
	}

	@Test
	void receivesAlertsPushedOverTheAdminApi() throws Exception {
		String alice = platform.createAccount("alice", "Alice");
		Events events = new Events();
		signedIn(alice, Dialect.MSNP5, events);
		platform.pushAlert(alice, "Your build & tests passed");
		assertThat(events.await("alert")).isEqualTo("alert Your build & tests passed /news");
	}

	@Test
	void isToldWhenSignedInElsewhere() throws Exception {
		String alice = platform.createAccount("alice", "Alice");
		Events first = new Events();
		MessengerClient elsewhere = signedIn(alice, Dialect.MSNP6, first);
		signedIn(alice, Dialect.MSNP6, new Events());
		assertThat(first.await("signedOut")).isEqualTo("signedOut OTH");
		assertThat(first.await("disconnected")).isEqualTo("disconnected");
		assertThat(elsewhere.isSignedIn()).isFalse();
		assertThatThrownBy(elsewhere::sync).isInstanceOf(ClientException.class).hasMessageContaining("not signed in");
	}

	@Test
	void refusesOperationsBeforeSigningInAndFailsOnAClosedServer() {
		MessengerClient client = client(Dialect.MSNP5, new Events());
		assertThatThrownBy(() -> client.setStatus(Status.NLN)).isInstanceOf(ClientException.class)
			.hasMessageContaining("not signed in");
		MessengerClient nowhere = new MessengerClient(
				ClientOptions.of(new InetSocketAddress("127.0.0.1", 1), Dialect.MSNP5), null);
		this.clients.add(nowhere);
		assertThatThrownBy(() -> get(nowhere.signIn("a@example.com", "x"))).isInstanceOf(ClientException.class)
			.hasMessageContaining("cannot connect");
	}

	/**
	 * The switchboard part on its own, with a caller ticket minted from the platform's
	 * ticket key (what {@code XFR SB} hands out): {@code USR}, {@code CAL} refused,
	 * {@code MSG A} to an empty session answered {@code NAK}, {@code MSG U} and
	 * {@code OUT}.
	 */
	@Test
	void usesTheSwitchboardWithAMintedTicket() throws Exception {
		String alice = platform.createAccount("alice", "Alice");
		Events events = new Events();
		MessengerClient client = client(Dialect.MSNP5, events);
		Switchboard switchboard = get(
				client.joinSwitchboard(platform.switchboard(), alice, platform.callerTicket(alice, "Alice"), events));
		assertThat(switchboard.isOpen()).isTrue();
		assertThat(switchboard.participants()).isEmpty();

		assertThatThrownBy(() -> get(switchboard.invite(platform.newHandle("nobody"))))
			.isInstanceOfSatisfying(ServerErrorException.class, (error) -> {
				assertThat(error.code()).isEqualTo(217);
				assertThat(error.command()).isEqualTo("CAL");
			});
		assertThatThrownBy(() -> get(switchboard.sendText("anyone?"))).isInstanceOf(NotDeliveredException.class);
		assertThat(events.await("notDelivered")).startsWith("notDelivered ");
		get(switchboard.send(Message.typing(alice), AckMode.U));
		assertThatThrownBy(() -> switchboard.sendText("x".repeat(Switchboard.MAX_PAYLOAD_BYTES)))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("at most 1664");
		assertThat(switchboard.isOpen()).isTrue();
		switchboard.close();
		get(switchboard.closeFuture(), Duration.ofSeconds(10));
		assertThat(events.await("closed")).isEqualTo("closed");

		MessengerClient forger = client(Dialect.MSNP5, events);
		assertThatThrownBy(() -> get(forger.joinSwitchboard(platform.switchboard(), alice, "not-a-ticket", events)))
			.isInstanceOfSatisfying(ServerErrorException.class, (error) -> assertThat(error.code()).isEqualTo(911));
	}

	/**
	 * A chat through the platform: {@code XFR SB}, {@code CAL}, {@code RNG}, {@code ANS},
	 * messages with every ack mode, {@code BYE}.
	 */
	@Test
	void chatsThroughThePlatform() throws Exception {
		Events aliceEvents = new Events();
		Events bobEvents = new Events();
		String alice = platform.createAccount("alice", "Alice");
		String bob = platform.createAccount("bob", "Bob");
		platform.befriend(alice, bob);
		MessengerClient bobClient = signedIn(bob, Dialect.MSNP5, bobEvents);
		MessengerClient aliceClient = signedIn(alice, Dialect.MSNP7, aliceEvents);

		Switchboard aliceSide = get(aliceClient.openSwitchboard(aliceEvents));
		String sessionId = get(aliceSide.invite(bob));
		Invitation invitation = bobEvents.awaitInvitation();
		assertThat(invitation.inviter()).isEqualTo(alice);
		assertThat(invitation.inviterName()).isEqualTo("Alice");
		assertThat(invitation.sessionId()).isEqualTo(sessionId);
		Switchboard bobSide = get(bobClient.answer(invitation, bobEvents));
		assertThat(bobSide.participants()).containsExactly(Map.entry(alice, "Alice"));
		assertThat(aliceEvents.await("joined")).isEqualTo("joined " + bob + " Bob");

		get(aliceSide.sendText("Hello Bob!"));
		assertThat(bobEvents.await("message")).isEqualTo("message " + alice + " text/plain Hello Bob!");
		get(bobSide.send(Message.typing(bob), AckMode.U));
		assertThat(aliceEvents.await("message")).startsWith("message " + bob + " text/x-msmsgscontrol");
		get(bobSide.send(Message.text("Hi Alice"), AckMode.N));
		assertThat(aliceEvents.await("message")).isEqualTo("message " + bob + " text/plain Hi Alice");

		bobSide.close();
		assertThat(aliceEvents.await("left")).isEqualTo("left " + bob);
		assertThatThrownBy(() -> get(aliceSide.sendText("still there?"))).isInstanceOf(NotDeliveredException.class);
	}

	private MessengerClient client(Dialect dialect, Events events) {
		MessengerClient client = new MessengerClient(platform.options(dialect), events);
		this.clients.add(client);
		return client;
	}

	/** Signed in, synced and online. */
	private MessengerClient signedIn(String handle, Dialect dialect, Events events) throws Exception {
		MessengerClient client = client(dialect, events);
		get(client.signIn(handle, TestPlatform.PASSWORD));
		get(client.sync());
		get(client.setStatus(Status.NLN));
		return client;
	}

	static <T> T get(CompletableFuture<T> future) throws Exception {
		return get(future, Duration.ofSeconds(20));
	}

	/** Waits, and rethrows a failure as the exception the client produced. */
	static <T> T get(CompletableFuture<T> future, Duration wait) throws Exception {
		try {
			return future.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Exception cause) {
				throw cause;
			}
			throw ex;
		}
	}

}
