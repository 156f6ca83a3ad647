package org.resumen.digest.article;

import org.resumen.digest.DigestException;

/** A whole source could not be read; the message names the source, its location and the reason. */
public class SourceException extends DigestException {
    private final String reason;

    public SourceException(String sourceName, String location, String reason) {
        super(message(sourceName, location, reason));
        this.reason = reason;
    }

    public SourceException(String sourceName, String location, String reason, Throwable cause) {
        super(message(sourceName, location, reason), cause);
        this.reason = reason;
    }

    /** The reason alone, without the source's name and location. */
    public String reason() {
        return reason;
    }

    private static String message(String sourceName, String location, String reason) {
        return "source \"" + sourceName + "\" (" + location + "): " + reason;
    }
}
