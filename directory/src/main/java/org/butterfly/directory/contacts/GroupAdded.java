package org.butterfly.directory.contacts;

/**
 * The outcome of a committed {@code ADG}.
 *
 * @param version the actor's new list version
 * @param groupId the id given to the group: the lowest free id from 1
 */
public record GroupAdded(long version, int groupId) {
}
