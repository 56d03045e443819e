/**
 * The maintenance system message (msnp.md §5.7).
 */
package org.butterfly.admin.system;
