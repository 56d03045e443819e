/**
 * Paging a contact's mobile device (PAG): the check of the target's properties and
 * privacy, and the outbox the default pager gateway writes.
 */
package org.butterfly.directory.paging;
