package org.butterfly.directory.contacts;

/** The phone properties of msnp.md 6.4, in the order SYN sends them. */
public enum PhoneKey {

	/** Home phone. */
	PHH,
	/** Work phone. */
	PHW,
	/** Mobile phone. */
	PHM,
	/** Others may page my mobile device ({@code Y}/{@code N}). */
	MOB,
	/**
	 * A mobile device is registered ({@code Y}/{@code N}); set by the server or the admin
	 * API only.
	 */
	MBE;

	/** Whether the value is a phone number (as opposed to a {@code Y}/{@code N} flag). */
	boolean isNumber() {
		return this == PHH || this == PHW || this == PHM;
	}

}
