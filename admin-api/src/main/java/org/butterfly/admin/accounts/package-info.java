/**
 * Accounts: create, look up, search, change (friendly name, password, profile, BLP, GTC)
 * and delete, with the protocol's limits (msnp.md §2.5).
 */
package org.butterfly.admin.accounts;
