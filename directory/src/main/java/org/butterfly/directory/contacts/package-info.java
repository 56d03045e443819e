/**
 * The list commands (ADD, REM, REA, BLP, GTC, PRP, ADG, REG, RMG), their errors and
 * effects, and the SYN snapshot.
 */
package org.butterfly.directory.contacts;
