package org.butterfly.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.fail;

/**
 * Records a client's callbacks as short lines ({@code presence bob@x NLN Bob}) so a test
 * can wait for the one it expects; invitations are kept for answering.
 */
final class Events implements ClientListener, SwitchboardListener {

	private static final long WAIT_SECONDS = 15;

	private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

	private final BlockingQueue<Invitation> invitations = new LinkedBlockingQueue<>();

	/** Waits for the first line starting with {@code prefix}, skipping the others. */
	String await(String prefix) throws InterruptedException {
		List<String> skipped = new ArrayList<>();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			String line = this.lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (line != null && line.startsWith(prefix)) {
				return line;
			}
			if (line != null) {
				skipped.add(line);
			}
		}
		return fail("no event starting with '%s' within %ss; saw %s", prefix, WAIT_SECONDS, skipped);
	}

	Invitation awaitInvitation() throws InterruptedException {
		Invitation invitation = this.invitations.poll(WAIT_SECONDS, TimeUnit.SECONDS);
		return (invitation != null) ? invitation : fail("no invitation within %ss", WAIT_SECONDS);
	}

	private void add(String line) {
		this.lines.add(line);
	}

	@Override
	public void presenceChanged(String handle, Presence presence) {
		add("presence " + handle + " " + presence.status() + " " + presence.friendlyName());
	}

	@Override
	public void addedBy(String handle, String friendlyName) {
		add("addedBy " + handle + " " + friendlyName);
	}

	@Override
	public void removedBy(String handle) {
		add("removedBy " + handle);
	}

	@Override
	public void alert(Alert alert) {
		add("alert " + alert.text() + " " + alert.actionUrl());
	}

	@Override
	public void invited(Invitation invitation) {
		this.invitations.add(invitation);
		add("invited " + invitation.inviter());
	}

	@Override
	public void signedOut(String reason) {
		add("signedOut " + reason);
	}

	@Override
	public void disconnected() {
		add("disconnected");
	}

	@Override
	public void joined(Switchboard switchboard, String handle, String friendlyName) {
		add("joined " + handle + " " + friendlyName);
	}

	@Override
	public void left(Switchboard switchboard, String handle, boolean idle) {
		add("left " + handle + (idle ? " idle" : ""));
	}

	@Override
	public void message(Switchboard switchboard, String sender, String friendlyName, Message message) {
		add("message " + sender + " " + message.contentType() + " " + message.body());
	}

	@Override
	public void notDelivered(Switchboard switchboard, String trId) {
		add("notDelivered " + trId);
	}

	@Override
	public void closed(Switchboard switchboard) {
		add("closed");
	}

}
