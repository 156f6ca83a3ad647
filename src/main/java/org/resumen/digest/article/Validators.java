package org.resumen.digest.article;

/**
 * What a feed server said identifies the version it sent ({@code ETag}, {@code Last-Modified}), kept
 * per source and sent back as {@code If-None-Match} / {@code If-Modified-Since} (RFC 9110 section
 * 13.1) so an unchanged feed costs a 304 and nothing else. Either value may be null.
 */
public record Validators(String etag, String lastModified) {
    /** No validators: the source was never fetched over HTTP, or its server sent none. */
    public static final Validators NONE = new Validators(null, null);
    private static final int MAX_LENGTH = 1000;

    public Validators {
        etag = usable(etag);
        lastModified = usable(lastModified);
    }

    /** True when there is something to send back. */
    public boolean any() {
        return etag != null || lastModified != null;
    }

    // A value that could not go back into a request header (or into the column) is dropped, never an error.
    private static String usable(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return null;
        }
        return value.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? value.strip() : null;
    }
}
