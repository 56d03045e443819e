package org.butterfly.notification.session;

/**
 * Who a signed-in connection belongs to: fixed at the moment of sign-in (STYLE.md P6).
 *
 * @param handle the account's handle, lower case
 * @param accountId the directory's account id
 * @param memberIdHigh the high half of the PUID, for NOTIFICATION documents
 * @param memberIdLow the low half of the PUID
 */
public record Principal(String handle, long accountId, long memberIdHigh, long memberIdLow) {
}
