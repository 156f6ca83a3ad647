package org.resumen.digest.subscriber;

import org.resumen.digest.RefusedException;

/** One value given for a subscriber (by the API or the console) is wrong: {@code field} names it, the message says what was expected. */
public final class InvalidField extends RefusedException {
    private final String field;

    public InvalidField(String field, String expected) {
        super(field + ": " + expected);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** What was expected, without the field's name in front. */
    public String expected() {
        return getMessage().substring(field.length() + 2);
    }
}
