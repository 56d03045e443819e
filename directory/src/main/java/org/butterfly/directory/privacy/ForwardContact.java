package org.butterfly.directory.privacy;

/**
 * An account on the watcher's FL, for the {@code ILN} burst after the first {@code CHG}
 * (msnp.md 8.3).
 *
 * @param handle the contact
 * @param friendlyName the contact's own friendly name in wire form
 * @param allowsYou {@code allowedBy(contact, watcher)}
 */
public record ForwardContact(String handle, String friendlyName, boolean allowsYou) {
}
