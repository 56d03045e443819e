/**
 * The directory: the PostgreSQL store the notification servers and the admin API share
 * (accounts, contact lists, groups, phone properties, list versions, queued
 * notifications), with the domain services that enforce the list rules of msnp.md 6 and
 * 9-11 once. It never depends on the protocol module; results are plain records.
 */
package org.butterfly.directory;
