/**
 * The REST admin API (ARCHITECTURE §1): persists through the directory, then publishes on
 * the cluster bus (docs/adr/0600).
 */
package org.butterfly.admin;
