package org.butterfly.directory.account;

/**
 * The Passport Unique ID the profile message and NOTIFICATION documents carry (msnp.md
 * 5.5, 11.6), derived from the account id: its high and low 32 bits.
 *
 * @param high {@code MemberIdHigh}
 * @param low {@code MemberIdLow}
 */
public record Puid(long high, long low) {

	/**
	 * The PUID of an account.
	 * @param accountId the account id
	 * @return its PUID
	 */
	public static Puid of(long accountId) {
		return new Puid(accountId >>> 32, accountId & 0xFFFFFFFFL);
	}

	/**
	 * The {@code pid} attribute form, {@code 0xHHHHHHHH:0xLLLLLLLL}.
	 * @return the pid
	 */
	public String pid() {
		return String.format("0x%08x:0x%08x", this.high, this.low);
	}

}
