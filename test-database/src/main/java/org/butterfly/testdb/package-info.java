/**
 * A fresh, real PostgreSQL database for every test, on Docker or on the embedded server:
 * start with {@link org.butterfly.testdb.TestDatabase#create()}.
 */
package org.butterfly.testdb;
