/**
 * The client's connection plumbing and list state; not an API.
 */
package org.butterfly.client.internal;
