package org.butterfly.client.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.butterfly.client.Alert;
import org.butterfly.client.ClientListener;
import org.butterfly.client.ClientOptions;
import org.butterfly.client.ContactList;
import org.butterfly.client.Invitation;
import org.butterfly.client.Message;
import org.butterfly.client.MessengerClient;
import org.butterfly.client.Presence;
import org.butterfly.client.SignedIn;
import org.butterfly.client.Switchboard;
import org.butterfly.client.SwitchboardListener;
import org.butterfly.protocol.vocab.ListType;
import org.butterfly.protocol.vocab.Status;

/**
 * The command loop of the command-line client: one line in, one command or one chat line
 * out; whatever the server pushes is printed as it arrives. Conversations are numbered;
 * plain lines go to the current one.
 */
final class Repl implements ClientListener, SwitchboardListener {

	static final String HELP = String.join(System.lineSeparator(), "Commands:",
			"  /login <email>             sign in (asks for the password)",
			"  /status <status>           set your status: " + Statuses.all(),
			"  /list                      your contacts with their status",
			"  /add <email> [name]        add a contact (and allow it to see you)",
			"  /remove <email>            remove a contact", "  /block <email>             block someone",
			"  /unblock <email>           unblock someone", "  /name <friendly name>      change your name",
			"  /phone <PHH|PHW|PHM|MOB> [value]   set or clear a phone property (MSNP5+)",
			"  /chat <email>              start a conversation with a contact",
			"  /invite <email>            invite someone into the current conversation",
			"  /to <n>                    switch to conversation n", "  /chats                     list conversations",
			"  /leave                     leave the current conversation",
			"  /quit                      sign out and exit", "Any other line is sent to the current conversation.");

	/** Where lines go and come from. */
	interface Console {

		/** Prints a line, above the prompt if one is showing. */
		void print(String line);

		/** Reads a line without echoing it; {@code null} at end of input. */
		String readSecret(String prompt);

	}

	private final ClientOptions options;

	private final Console console;

	private final long waitMillis;

	private volatile MessengerClient client;

	/** Conversations by number (index + 1); a left one stays as {@code null}. */
	private final List<Switchboard> conversations = new ArrayList<>();

	/** The current conversation's number, 0 for none; written under the list's lock. */
	private volatile int current;

	Repl(ClientOptions options, Console console) {
		this.options = options;
		this.console = console;
		this.waitMillis = options.timeout().toMillis() + 1000;
	}

	/** The prompt: who is signed in and the current conversation. */
	String prompt() {
		MessengerClient signedIn = this.client;
		if (signedIn == null || !signedIn.isSignedIn()) {
			return "butterfly> ";
		}
		String who = signedIn.signedIn().handle();
		return (this.current > 0) ? who + " [" + this.current + "]> " : who + "> ";
	}

	/**
	 * Runs one input line.
	 * @return {@code false} when the user quits
	 */
	boolean handle(String line) {
		String trimmed = line.strip();
		if (trimmed.isEmpty()) {
			return true;
		}
		try {
			return trimmed.startsWith("/") ? command(trimmed) : say(trimmed);
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			this.console.print(ex.getMessage());
			return true;
		}
	}

	private boolean command(String trimmed) {
		String[] words = trimmed.split("\\s+", 3);
		String command = words[0].toLowerCase(Locale.ROOT);
		String first = (words.length > 1) ? words[1] : null;
		String rest = (words.length > 2) ? words[2] : null;
		switch (command) {
			case "/quit", "/exit" -> {
				quit();
				return false;
			}
			case "/help" -> this.console.print(HELP);
			case "/login" -> login(required(first, "/login <email>"));
			case "/status" -> status(required(first, "/status <status>"));
			case "/list" -> list();
			case "/add" -> add(required(first, "/add <email> [name]"), (rest != null) ? rest : first);
			case "/remove" -> change(ListType.FL, required(first, "/remove <email>"), false, "removed");
			case "/block" -> block(required(first, "/block <email>"), true);
			case "/unblock" -> block(required(first, "/unblock <email>"), false);
			case "/name" -> rename(trimmed.substring(command.length()).strip());
			case "/phone" -> phone(required(first, "/phone <PHH|PHW|PHM|MOB> [value]"), rest);
			case "/chat" -> chat(required(first, "/chat <email>"));
			case "/invite" -> invite(required(first, "/invite <email>"));
			case "/to" -> switchTo(required(first, "/to <n>"));
			case "/chats" -> chats();
			case "/leave" -> leave();
			default -> this.console.print("Unknown command " + command + " (try /help)");
		}
		return true;
	}

	/** Signs out and leaves every conversation. */
	void quit() {
		if (this.client != null) {
			this.client.close();
			this.client = null;
		}
	}

	private void login(String handle) {
		if (this.client != null && this.client.isSignedIn()) {
			throw new IllegalStateException("Already signed in as " + this.client.signedIn().handle());
		}
		String password = this.console.readSecret("Password for " + handle + ": ");
		if (password == null) {
			return;
		}
		quit();
		this.client = new MessengerClient(this.options, this);
		SignedIn user = await(this.client.signIn(handle, password));
		if (user == null) {
			return;
		}
		ContactList lists = await(this.client.sync());
		await(this.client.setStatus(Status.NLN));
		int contacts = (lists != null) ? lists.list(ListType.FL).size() : 0;
		this.console.print("Signed in as " + user.friendlyName() + " <" + user.handle() + "> with " + user.dialect()
				+ "; " + contacts + ((contacts == 1) ? " contact" : " contacts") + ". You are online.");
	}

	private void status(String name) {
		Status status = Statuses.parse(name)
			.orElseThrow(() -> new IllegalArgumentException("Unknown status " + name + "; use " + Statuses.all()));
		Status now = await(signedIn().setStatus(status));
		if (now != null) {
			this.console.print("You are " + Statuses.name(now) + ".");
		}
	}

	private void list() {
		MessengerClient signedIn = signedIn();
		ContactList lists = signedIn.contactList();
		List<ContactList.Entry> friends = lists.list(ListType.FL);
		StringBuilder out = new StringBuilder("Contacts (" + friends.size() + "):");
		for (ContactList.Entry entry : friends) {
			Presence presence = signedIn.presence(entry.handle());
			String name = (presence.friendlyName() != null) ? presence.friendlyName() : entry.customName();
			out.append(System.lineSeparator())
				.append(String.format("  %-8s %s <%s>%s", Statuses.name(presence.status()), name, entry.handle(),
						lists.contains(ListType.BL, entry.handle()) ? " [blocked]" : ""));
		}
		List<ContactList.Entry> blocked = lists.list(ListType.BL);
		if (!blocked.isEmpty()) {
			out.append(System.lineSeparator()).append("Blocked: ");
			out.append(String.join(", ", blocked.stream().map(ContactList.Entry::handle).toList()));
		}
		this.console.print(out.toString());
	}

	private void add(String handle, String name) {
		MessengerClient signedIn = signedIn();
		if (await(signedIn.add(ListType.FL, handle, name)) == null) {
			return;
		}
		ContactList lists = signedIn.contactList();
		if (!lists.contains(ListType.AL, handle) && !lists.contains(ListType.BL, handle)) {
			await(signedIn.add(ListType.AL, handle, name));
		}
		this.console.print("Added " + handle + ".");
	}

	private void block(String handle, boolean block) {
		ListType from = block ? ListType.AL : ListType.BL;
		ListType to = block ? ListType.BL : ListType.AL;
		if (signedIn().contactList().contains(from, handle) && !change(from, handle, false, null)) {
			return;
		}
		change(to, handle, true, block ? "blocked" : "unblocked");
	}

	/** Adds to or removes from one list; prints {@code done} on success. */
	private boolean change(ListType list, String handle, boolean add, String done) {
		MessengerClient signedIn = signedIn();
		CompletableFuture<ContactList> request = add ? signedIn.add(list, handle, handle)
				: signedIn.remove(list, handle);
		if (await(request) == null) {
			return false;
		}
		if (done != null) {
			this.console.print(handle + " " + done + ".");
		}
		return true;
	}

	private void rename(String name) {
		if (name.isEmpty()) {
			throw new IllegalArgumentException("/name <friendly name>");
		}
		if (await(signedIn().setFriendlyName(name)) != null) {
			this.console.print("You are now " + name + ".");
		}
	}

	private void phone(String key, String value) {
		if (await(signedIn().setPhone(key, value)) != null) {
			this.console.print(key.toUpperCase(Locale.ROOT) + ((value != null) ? " set." : " cleared."));
		}
	}

	private void chat(String handle) {
		Switchboard switchboard = await(signedIn().openSwitchboard(this));
		if (switchboard == null) {
			return;
		}
		int number = open(switchboard);
		this.console.print("[" + number + "] Conversation opened; calling " + handle + "...");
		if (await(switchboard.invite(handle)) == null) {
			switchboard.close();
		}
	}

	private void invite(String handle) {
		if (await(conversation().invite(handle)) != null) {
			this.console.print("[" + this.current + "] Calling " + handle + "...");
		}
	}

	private void switchTo(String number) {
		int n;
		try {
			n = Integer.parseInt(number);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("/to <n>: " + number + " is not a number");
		}
		if (n < 1 || n > this.conversations.size() || this.conversations.get(n - 1) == null) {
			throw new IllegalArgumentException("No conversation " + n + " (see /chats)");
		}
		this.current = n;
		this.console.print("Now talking in [" + n + "] with " + who(this.conversations.get(n - 1)) + ".");
	}

	private void chats() {
		StringBuilder out = new StringBuilder("Conversations:");
		synchronized (this.conversations) {
			for (int i = 0; i < this.conversations.size(); i++) {
				Switchboard switchboard = this.conversations.get(i);
				if (switchboard != null) {
					out.append(System.lineSeparator())
						.append((i + 1 == this.current) ? "* [" : "  [")
						.append(i + 1)
						.append("] ")
						.append(who(switchboard));
				}
			}
		}
		this.console.print(out.toString());
	}

	private void leave() {
		Switchboard switchboard = conversation();
		// Before close: closed() may run at once on another thread and reset current.
		this.console.print("[" + this.current + "] You left.");
		switchboard.close();
	}

	private boolean say(String text) {
		Switchboard switchboard = conversation();
		if (switchboard.participants().isEmpty()) {
			throw new IllegalStateException("[" + this.current + "] Nobody is here yet.");
		}
		await(switchboard.sendText(text));
		return true;
	}

	private Switchboard conversation() {
		synchronized (this.conversations) {
			if (this.current == 0 || this.conversations.get(this.current - 1) == null) {
				throw new IllegalStateException("No conversation: start one with /chat <email>");
			}
			return this.conversations.get(this.current - 1);
		}
	}

	private MessengerClient signedIn() {
		if (this.client == null || !this.client.isSignedIn()) {
			throw new IllegalStateException("Not signed in: /login <email>");
		}
		return this.client;
	}

	private int open(Switchboard switchboard) {
		synchronized (this.conversations) {
			this.conversations.add(switchboard);
			this.current = this.conversations.size();
			return this.current;
		}
	}

	private int number(Switchboard switchboard) {
		synchronized (this.conversations) {
			return this.conversations.indexOf(switchboard) + 1;
		}
	}

	private static String who(Switchboard switchboard) {
		Map<String, String> participants = switchboard.participants();
		return participants.isEmpty() ? "(nobody yet)" : String.join(", ", participants.values());
	}

	/** Waits for a request; prints its failure and returns {@code null}. */
	private <T> T await(CompletableFuture<T> request) {
		try {
			return request.get(this.waitMillis, TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() instanceof TimeoutException) ? new TimeoutException("no reply in time")
					: ex.getCause();
			this.console.print("Error: " + cause.getMessage());
		}
		catch (TimeoutException ex) {
			this.console.print("Error: no reply in time");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return null;
	}

	private static String required(String value, String usage) {
		if (value == null) {
			throw new IllegalArgumentException("Usage: " + usage);
		}
		return value;
	}

	// Events from the notification server.

	@Override
	public void presenceChanged(String handle, Presence presence) {
		String name = (presence.friendlyName() != null) ? presence.friendlyName() + " <" + handle + ">" : handle;
		this.console.print("* " + name + " is " + Statuses.name(presence.status()));
	}

	@Override
	public void addedBy(String handle, String friendlyName) {
		this.console.print("* " + friendlyName + " <" + handle + "> added you to their contacts (/add " + handle
				+ " to add them back, /block " + handle + " to block)");
	}

	@Override
	public void removedBy(String handle) {
		this.console.print("* " + handle + " removed you from their contacts");
	}

	@Override
	public void alert(Alert alert) {
		String url = alert.actionUrl();
		this.console.print("! Alert: " + alert.text() + (url.isEmpty() ? "" : " (" + url + ")"));
	}

	@Override
	public void invited(Invitation invitation) {
		MessengerClient signedIn = this.client;
		if (signedIn == null) {
			return;
		}
		// Auto-answer, as the official client opens a window on the first message.
		signedIn.answer(invitation, this).whenComplete((switchboard, failure) -> {
			if (failure != null) {
				this.console
					.print("! Could not join " + invitation.inviterName() + "'s conversation: " + failure.getMessage());
				return;
			}
			int number = open(switchboard);
			this.console.print("[" + number + "] " + invitation.inviterName() + " <" + invitation.inviter()
					+ "> started a conversation (/to " + number + " to reply)");
		});
	}

	@Override
	public void signedOut(String reason) {
		String why = switch (reason) {
			case "OTH" -> "you signed in somewhere else";
			case "SSD" -> "the server is shutting down";
			default -> "reason " + (reason.isEmpty() ? "not given" : reason);
		};
		this.console.print("! Signed out by the server: " + why);
	}

	@Override
	public void disconnected() {
		this.console.print("! Disconnected from the server (/login to sign in again)");
	}

	// Events from conversations.

	@Override
	public void joined(Switchboard switchboard, String handle, String friendlyName) {
		this.console.print("[" + number(switchboard) + "] " + friendlyName + " <" + handle + "> joined");
	}

	@Override
	public void left(Switchboard switchboard, String handle, boolean idle) {
		this.console.print("[" + number(switchboard) + "] " + handle + " left" + (idle ? " (idle)" : ""));
	}

	@Override
	public void message(Switchboard switchboard, String sender, String friendlyName, Message message) {
		if (message.isText()) {
			this.console.print("[" + number(switchboard) + "] " + friendlyName + ": " + message.body());
		}
	}

	@Override
	public void notDelivered(Switchboard switchboard, String trId) {
		this.console.print("[" + number(switchboard) + "] ! a message was not delivered");
	}

	@Override
	public void closed(Switchboard switchboard) {
		int number = number(switchboard);
		synchronized (this.conversations) {
			if (number > 0) {
				this.conversations.set(number - 1, null);
			}
			if (this.current == number) {
				this.current = 0;
			}
		}
		this.console.print("[" + number + "] Conversation closed");
	}

}
