package org.butterfly.directory.internal;

import org.butterfly.directory.privacy.Blp;

/**
 * One entry of an owner's RL, with what {@code allowedBy(owner, watcher)} needs: the
 * owner's BLP and whether the owner has the watcher on its AL and BL.
 *
 * @param handle the watcher
 * @param ownerBlp the owner's BLP
 * @param allowListEntry the owner's AL entry for the watcher, or null
 * @param blockListEntry the owner's BL entry for the watcher, or null
 */
public record WatcherRow(String handle, Blp ownerBlp, Long allowListEntry, Long blockListEntry) {

}
