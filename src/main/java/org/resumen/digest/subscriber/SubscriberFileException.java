package org.resumen.digest.subscriber;

import org.resumen.digest.DigestException;

/** A subscriber file or folder cannot be read at all; the message names it and says what was expected. */
public class SubscriberFileException extends DigestException {
    public SubscriberFileException(String message) {
        super(message);
    }

    public SubscriberFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
