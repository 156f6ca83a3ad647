package org.resumen.digest.testing;

import java.time.OffsetDateTime;

/** One item of a test RSS feed: what a reader would see of an article, and when it was published. */
public record FeedItem(String title, String link, String description, OffsetDateTime published) {
}
