package org.butterfly.client;

/**
 * The switchboard could not deliver a message to every other participant ({@code NAK},
 * msnp.md §14.4).
 */
public class NotDeliveredException extends ClientException {

	private final String trId;

	public NotDeliveredException(String trId) {
		super("message " + trId + " was not delivered (NAK)");
		this.trId = trId;
	}

	/** The TrID of the message. */
	public String trId() {
		return this.trId;
	}

}
