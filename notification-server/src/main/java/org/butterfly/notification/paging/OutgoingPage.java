package org.butterfly.notification.paging;

import org.butterfly.directory.paging.PageCheck;

/**
 * A page that passed the checks of msnp.md §11.5, ready for a {@link PagerGateway}.
 *
 * @param route who pages whom, as the directory allowed it
 * @param callbackNumber the call-back number of the {@code <PHONE>} element (digits), or
 * {@code null}
 * @param text the message, plain text (the client's escapes undone)
 */
public record OutgoingPage(PageCheck.Allowed route, String callbackNumber, String text) {
}
