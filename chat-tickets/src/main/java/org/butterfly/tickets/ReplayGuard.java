package org.butterfly.tickets;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Remembers the ids of used tickets until they expire, so each ticket is accepted once
 * per node. Memory is bounded: expired ids are evicted (soonest expiry first) on every
 * use, and when {@code capacity} unexpired ids are remembered, further tickets are
 * refused rather than forgotten, so a flood of genuine tickets can never make an old one
 * usable again. Thread-safe.
 */
public final class ReplayGuard {

	private final int capacity;

	// guarded by this
	private final Map<Long, Instant> used = new HashMap<>();

	// guarded by this; the same ids as used, soonest expiry first
	private final PriorityQueue<Used> byExpiry = new PriorityQueue<>((a, b) -> a.expiresAt().compareTo(b.expiresAt()));

	public ReplayGuard(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be positive");
		}
		this.capacity = capacity;
	}

	/** What happened to a ticket id. */
	public enum Result {

		/** Seen for the first time: remembered until it expires. */
		FIRST_USE,
		/** Seen before. */
		REPLAYED,
		/** Not seen before, but there is no room to remember it. */
		FULL

	}

	/** Records the first use of {@code id}, which expires at {@code expiresAt}. */
	public synchronized Result use(long id, Instant expiresAt, Instant now) {
		evictExpired(now);
		if (this.used.containsKey(id)) {
			return Result.REPLAYED;
		}
		if (this.used.size() >= this.capacity) {
			return Result.FULL;
		}
		this.used.put(id, expiresAt);
		this.byExpiry.add(new Used(id, expiresAt));
		return Result.FIRST_USE;
	}

	/** How many ids are remembered now. */
	public synchronized int size() {
		return this.used.size();
	}

	private void evictExpired(Instant now) {
		Used soonest = this.byExpiry.peek();
		while (soonest != null && !soonest.expiresAt().isAfter(now)) {
			this.byExpiry.poll();
			this.used.remove(soonest.id());
			soonest = this.byExpiry.peek();
		}
	}

	private record Used(long id, Instant expiresAt) {
	}

}
