package org.butterfly.client;

import org.butterfly.protocol.vocab.Dialect;

/**
 * A successful sign-in ({@code USR TrID OK}, msnp.md §5.3).
 *
 * @param handle the user's handle as the server spelled it
 * @param friendlyName the user's friendly name (decoded)
 * @param dialect the dialect the notification server chose
 */
public record SignedIn(String handle, String friendlyName, Dialect dialect) {
}
