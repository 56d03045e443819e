/**
 * Contact lists FL, AL, BL with the rules and side effects of ADD and REM (msnp.md §9).
 */
package org.butterfly.admin.lists;
