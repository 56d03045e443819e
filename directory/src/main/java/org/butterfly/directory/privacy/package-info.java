/**
 * The privacy rules (allowedBy, the phone view) in one place, and the presence queries
 * built on them.
 */
package org.butterfly.directory.privacy;
