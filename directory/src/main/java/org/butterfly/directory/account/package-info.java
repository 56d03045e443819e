/**
 * Accounts: creation, look-up, admin changes, deletion, and the password checks of the
 * MD5 sign-in.
 */
package org.butterfly.directory.account;
