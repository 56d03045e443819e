package org.butterfly.directory.privacy;

/**
 * An account that has the owner on its FL (is on the owner's RL), for presence fan-out
 * (msnp.md 8.4).
 *
 * @param handle the watcher
 * @param allowed {@code allowedBy(owner, watcher)}
 */
public record Watcher(String handle, boolean allowed) {
}
