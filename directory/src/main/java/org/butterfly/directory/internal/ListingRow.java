package org.butterfly.directory.internal;

import org.butterfly.directory.contacts.ListType;

/**
 * That an account (the owner) has another one on a list.
 *
 * @param ownerId the owner
 * @param list the list
 */
public record ListingRow(long ownerId, ListType list) {
}
