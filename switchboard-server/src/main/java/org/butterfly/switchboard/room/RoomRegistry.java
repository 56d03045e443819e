package org.butterfly.switchboard.room;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import org.butterfly.protocol.pipeline.Disconnector;

/**
 * The rooms of this node by session id. Rooms are created by {@code USR}, found by
 * {@code ANS}, and leave by themselves when their last participant does. Session ids are
 * decimal, unique on this node for its lifetime, and start at a random 8-digit value so
 * ids from a restarted node do not repeat the previous run's. Thread-safe.
 */
public final class RoomRegistry {

	private final Map<String, Room> rooms = new ConcurrentHashMap<>();

	private final AtomicLong nextId = new AtomicLong(ThreadLocalRandom.current().nextLong(10_000_000, 50_000_000));

	private final RoomLimits limits;

	private final Disconnector disconnector;

	private final Clock clock;

	public RoomRegistry(RoomLimits limits, Disconnector disconnector, Clock clock) {
		this.limits = limits;
		this.disconnector = disconnector;
		this.clock = clock;
	}

	/**
	 * A new, empty room owned by the next executor of {@code group} (STYLE.md P9), so
	 * rooms spread over the workers.
	 */
	public Room create(EventExecutorGroup group) {
		EventExecutor executor = group.next();
		Room room = new Room(Long.toString(this.nextId.getAndIncrement()), executor, this.limits, this,
				this.disconnector, this.clock);
		this.rooms.put(room.id(), room);
		return room;
	}

	/** The live room with this session id, or null. */
	public Room find(String sessionId) {
		return this.rooms.get(sessionId);
	}

	/** How many rooms are live. */
	public int size() {
		return this.rooms.size();
	}

	public RoomLimits limits() {
		return this.limits;
	}

	void remove(Room room) {
		this.rooms.remove(room.id(), room);
	}

}
