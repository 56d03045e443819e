/**
 * Configuration: the admin token and its filter, production checks, the schema owner and
 * the cluster wiring (docs/adr/0601).
 */
package org.butterfly.admin.config;
