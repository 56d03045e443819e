/**
 * Entities, repositories and the transaction and locking helpers of the services. Not an
 * API: nothing here leaves the module through a service.
 */
package org.butterfly.directory.internal;
