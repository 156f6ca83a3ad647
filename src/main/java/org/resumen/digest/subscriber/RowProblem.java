package org.resumen.digest.subscriber;

/** Why one row of a subscriber file is skipped; the reader prefixes it with {@code file:line}. */
final class RowProblem extends Exception {
    private final String column;

    RowProblem(String reason) {
        this(null, reason);
    }

    /** A problem with the value of one {@code column} (email, name, locale, topics, timezone). */
    RowProblem(String column, String reason) {
        super(reason, null, false, false);
        this.column = column;
    }

    /** The column whose value was wrong, or null when the row as a whole was (field count, duplicate). */
    String column() {
        return column;
    }
}
