/**
 * The member directory behind FND.
 */
package org.butterfly.directory.search;
