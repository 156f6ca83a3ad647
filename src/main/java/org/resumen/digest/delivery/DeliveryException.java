package org.resumen.digest.delivery;

import org.resumen.digest.DigestException;

/** A message cannot be built or sent; the message says which and why. */
public class DeliveryException extends DigestException {
    public DeliveryException(String message) {
        super(message);
    }

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
