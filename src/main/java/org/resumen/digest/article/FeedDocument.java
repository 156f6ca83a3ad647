package org.resumen.digest.article;

import java.net.URI;

/**
 * The raw bytes of a feed, the Content-Type it was served with (null for files), where it came from
 * and its validators; {@code bytes} is null when the server answered 304 Not Modified.
 */
record FeedDocument(byte[] bytes, String contentType, URI uri, Validators validators) {
    FeedDocument(byte[] bytes, String contentType, URI uri) {
        this(bytes, contentType, uri, Validators.NONE);
    }

    static FeedDocument notModified(URI uri, Validators validators) {
        return new FeedDocument(null, null, uri, validators);
    }

    boolean unchanged() {
        return bytes == null;
    }
}
