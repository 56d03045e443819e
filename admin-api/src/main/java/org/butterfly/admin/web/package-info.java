/**
 * ProblemDetail errors (RFC 9457), the MSNP error mapping, and the wire form of names.
 */
package org.butterfly.admin.web;
