package org.butterfly.protocol.vocab;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@code VER} (msnp.md §3.1): the highest dialect both sides speak, and
 * whether the client offered {@code CVR0}.
 *
 * @param dialect the chosen dialect, empty when there is none in common
 * @param cvr0 the client offered the {@code CVR0} version check
 */
public record VersionNegotiation(Optional<Dialect> dialect, boolean cvr0) {

	public static final String CVR0 = "CVR0";

	/**
	 * Picks the highest supported dialect among {@code offered}, whatever their order;
	 * MSNP8+ are never chosen.
	 */
	public static VersionNegotiation negotiate(List<String> offered) {
		Dialect best = null;
		boolean cvr0 = false;
		for (String token : offered) {
			if (CVR0.equalsIgnoreCase(token)) {
				cvr0 = true;
				continue;
			}
			Optional<Dialect> dialect = Dialect.fromToken(token);
			if (dialect.isPresent() && (best == null || dialect.get().atLeast(best))) {
				best = dialect.get();
			}
		}
		return new VersionNegotiation(Optional.ofNullable(best), cvr0);
	}

	/**
	 * The tokens of the {@code VER} reply after the TrID: the dialect plus {@code CVR0}
	 * when offered (the interop rule of §3.1 and §21, docs/adr/0002), {@code CVR0} alone,
	 * or {@code 0}.
	 */
	public List<String> replyTokens() {
		List<String> tokens = new ArrayList<>(2);
		this.dialect.ifPresent((d) -> tokens.add(d.name()));
		if (this.cvr0) {
			tokens.add(CVR0);
		}
		if (tokens.isEmpty()) {
			tokens.add("0");
		}
		return tokens;
	}

	/** No dialect, but CVR0: the client will send {@code CVQ} and disconnect. */
	public boolean versionCheckOnly() {
		return this.dialect.isEmpty() && this.cvr0;
	}

	/** Nothing in common: reply {@code VER TrID 0} and close. */
	public boolean failed() {
		return this.dialect.isEmpty() && !this.cvr0;
	}

}
