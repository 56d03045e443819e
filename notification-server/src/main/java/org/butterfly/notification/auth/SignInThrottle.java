package org.butterfly.notification.auth;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Failed sign-ins counted per account and source address, and per source address over all
 * accounts (ADR 0310). Past a number of free failures a key is locked out for an
 * exponentially growing time, capped; while locked, every {@code USR MD5 S} of that key
 * is refused without checking the password, so guessing gains nothing.
 * <p>
 * An account is never locked as such: failures from one address never affect a sign-in
 * from another, so nobody can lock someone else out (short of sharing their address, and
 * then only for the capped time). A success clears its account and address; an address's
 * own count only decays, so an attacker cannot reset it by signing in to an account of
 * his own between guesses. Entries are forgotten once their lockout has passed and
 * nothing failed for the longest lockout; the maps are bounded.
 * <p>
 * Thread-safe.
 */
public final class SignInThrottle {

	/** Beyond this many remembered keys, forgotten ones are purged before adding more. */
	static final int MAX_ENTRIES = 100_000;

	private final Settings settings;

	private final LongSupplier nanoTime;

	private final ConcurrentMap<String, Failures> byAccountAndAddress = new ConcurrentHashMap<>();

	private final ConcurrentMap<String, Failures> byAddress = new ConcurrentHashMap<>();

	/**
	 * @param accountFreeFailures failed sign-ins to one account from one address before
	 * the first lockout
	 * @param addressFreeFailures failed sign-ins from one address, to any accounts,
	 * before the first lockout
	 * @param lockout the first lockout; each further failure doubles it
	 * @param maxLockout the longest lockout, and how long a failure is remembered after
	 * it
	 */
	public record Settings(int accountFreeFailures, int addressFreeFailures, Duration lockout, Duration maxLockout) {

		public Settings {
			if (accountFreeFailures < 1 || addressFreeFailures < 1 || !(lockout.toMillis() > 0)
					|| maxLockout.compareTo(lockout) < 0) {
				throw new IllegalArgumentException("sign-in limits need free failures >= 1 and 0 < lockout <= max");
			}
		}

	}

	public SignInThrottle(Settings settings) {
		this(settings, System::nanoTime);
	}

	SignInThrottle(Settings settings, LongSupplier nanoTime) {
		this.settings = settings;
		this.nanoTime = nanoTime;
	}

	/** Whether a sign-in to {@code handle} from {@code address} may be checked now. */
	public boolean allows(String handle, SocketAddress address) {
		long now = this.nanoTime.getAsLong();
		String host = host(address);
		return !locked(this.byAddress.get(host), now) && !locked(this.byAccountAndAddress.get(key(handle, host)), now);
	}

	/** Counts a failed sign-in, extending the lockouts it reaches. */
	public void failed(String handle, SocketAddress address) {
		long now = this.nanoTime.getAsLong();
		String host = host(address);
		record(this.byAddress, host, this.settings.addressFreeFailures(), now);
		record(this.byAccountAndAddress, key(handle, host), this.settings.accountFreeFailures(), now);
	}

	/** A successful sign-in clears the failures of its account from its address. */
	public void succeeded(String handle, SocketAddress address) {
		this.byAccountAndAddress.remove(key(handle, host(address)));
	}

	private void record(ConcurrentMap<String, Failures> map, String key, int free, long now) {
		if (map.size() >= MAX_ENTRIES && !map.containsKey(key)) {
			map.values().removeIf((failures) -> failures.forgettable(now, this.settings.maxLockout()));
		}
		map.compute(key, (ignored, previous) -> {
			Failures current = (previous == null || previous.forgettable(now, this.settings.maxLockout()))
					? new Failures(0, now, now) : previous;
			int count = current.count() + 1;
			long lockedUntil = current.lockedUntil();
			if (count >= free) {
				lockedUntil = now + lockout(count - free + 1).toNanos();
			}
			return new Failures(count, now, lockedUntil);
		});
	}

	/**
	 * The n-th lockout (1 after the last free failure): the first lockout, doubled for
	 * each further failure, capped.
	 */
	Duration lockout(int beyondFree) {
		Duration max = this.settings.maxLockout();
		int doublings = Math.min(beyondFree - 1, 40);
		long millis = this.settings.lockout().toMillis();
		return (millis > max.toMillis() >> doublings) ? max : Duration.ofMillis(millis << doublings);
	}

	private static boolean locked(Failures failures, long now) {
		return failures != null && now - failures.lockedUntil() < 0;
	}

	private static String key(String handle, String host) {
		return handle + " " + host;
	}

	/** The source address; in-JVM connections share one key. */
	private static String host(SocketAddress address) {
		return (address instanceof InetSocketAddress inet && inet.getAddress() != null)
				? inet.getAddress().getHostAddress() : "local";
	}

	/** Failures of one key: how many, the last one, and the end of its lockout. */
	private record Failures(int count, long lastFailure, long lockedUntil) {

		boolean forgettable(long now, Duration maxLockout) {
			return now - this.lockedUntil >= 0 && now - this.lastFailure >= maxLockout.toNanos();
		}

	}

}
