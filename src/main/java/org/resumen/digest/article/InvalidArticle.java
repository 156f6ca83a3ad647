package org.resumen.digest.article;

/** One article file cannot be used; the message says which field was wrong and what was expected. */
final class InvalidArticle extends Exception {
    private final int line;

    InvalidArticle(String reason) {
        this(0, reason, null);
    }

    InvalidArticle(int line, String reason, Throwable cause) {
        super(reason, cause);
        this.line = line;
    }

    /** The full problem: "file:line: reason", or "file: reason" when no line is known. */
    String problemIn(String file) {
        return file + (line > 0 ? ":" + line : "") + ": " + getMessage();
    }
}
