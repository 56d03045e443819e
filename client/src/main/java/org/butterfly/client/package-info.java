/**
 * An MSNP2-MSNP7 client library: {@link org.butterfly.client.MessengerClient} signs in
 * through the dispatch server, keeps the lists and presence, and opens or answers
 * {@link org.butterfly.client.Switchboard} sessions; requests are futures matched by
 * TrID, pushes go to a {@link org.butterfly.client.ClientListener} (docs/adr/0800).
 */
package org.butterfly.client;
