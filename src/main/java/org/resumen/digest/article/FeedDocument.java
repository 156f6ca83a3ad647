package org.resumen.digest.article;

import java.net.URI;

/** The raw bytes of a feed, the Content-Type it was served with (null for files) and where it came from. */
record FeedDocument(byte[] bytes, String contentType, URI uri) {
}
