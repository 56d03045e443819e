/**
 * The command-line client for people ({@code ./butterfly-client}): a JLine REPL on the
 * client library.
 */
package org.butterfly.client.cli;
