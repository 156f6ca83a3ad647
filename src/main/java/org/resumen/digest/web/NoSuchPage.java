package org.resumen.digest.web;

import org.resumen.digest.DigestException;

/**
 * Nothing to show at this address: an unknown path, a date without an edition, or a token that is
 * forged, truncated or made for another purpose. All of them get the same 404 page.
 */
final class NoSuchPage extends DigestException {
    NoSuchPage(String why) {
        super(why);
    }
}
