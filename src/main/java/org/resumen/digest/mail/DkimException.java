package org.resumen.digest.mail;

import org.resumen.digest.DigestException;

/** A DKIM key that cannot be read or used; the message names the key and what was expected. */
public final class DkimException extends DigestException {
    public DkimException(String message) {
        super(message);
    }

    public DkimException(String message, Throwable cause) {
        super(message, cause);
    }
}
