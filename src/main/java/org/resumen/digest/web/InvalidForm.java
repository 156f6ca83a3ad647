package org.resumen.digest.web;

import org.resumen.digest.DigestException;

/** A form field a visitor sent that cannot be used; {@code field} names it, {@code messageKey} says why to them. */
final class InvalidForm extends DigestException {
    final String field;
    final String messageKey;

    InvalidForm(String field, String messageKey) {
        super("form field " + field + " is invalid (" + messageKey + ")");
        this.field = field;
        this.messageKey = messageKey;
    }
}
