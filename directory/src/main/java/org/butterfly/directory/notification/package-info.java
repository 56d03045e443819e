/**
 * The queue of NOT documents for accounts that are offline when an alert is pushed.
 */
package org.butterfly.directory.notification;
