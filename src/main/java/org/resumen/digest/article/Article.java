package org.resumen.digest.article;

import java.time.Instant;
import java.util.List;

/**
 * One normalised article: plain-text title and summary (never HTML), canonical URL, the instant it
 * was published (or first seen, for feeds without dates), its source, section and tags.
 * {@code id} is 0 until the article is stored. {@code identityKey} is what deduplicates it:
 * "guid:" + GUID, else "url:" + canonical URL, else "title:" + normalised title + date.
 */
public record Article(
        long id,
        String identityKey,
        String sourceName,
        String url,
        String title,
        String summary,
        String author,
        String section,
        List<String> tags,
        Instant published,
        Instant firstSeen,
        int readingMinutes) {

    public Article {
        tags = List.copyOf(tags);
    }

    public Article withId(long newId) {
        return new Article(newId, identityKey, sourceName, url, title, summary, author, section, tags,
                published, firstSeen, readingMinutes);
    }
}
