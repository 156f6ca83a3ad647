package org.resumen.digest.subscriber;

/** Why one row of a subscriber file is skipped; the reader prefixes it with {@code file:line}. */
final class RowProblem extends Exception {
    RowProblem(String reason) {
        super(reason, null, false, false);
    }
}
