package org.butterfly.directory.paging;

/** Whether one account may page another now, decided in one consistent snapshot. */
public sealed interface PageCheck {

	/**
	 * The page may go out.
	 *
	 * @param senderId the sender's account id
	 * @param sender the sender's handle
	 * @param targetId the target's account id
	 * @param target the target's handle
	 * @param targetLanguage the target's LCID, for the text of what it is shown
	 * @param mobileNumber the target's {@code PHM} in wire form, or {@code null}
	 */
	record Allowed(long senderId, String sender, long targetId, String target, int targetLanguage,
			String mobileNumber) implements PageCheck {
	}

	/**
	 * The page may not go out.
	 *
	 * @param reason why
	 */
	record Refused(PageRefusal reason) implements PageCheck {
	}

}
