package org.resumen.digest.article;

import java.time.Instant;
import java.util.List;
import org.resumen.digest.Text;

/**
 * One normalised article: plain-text title and summary (never HTML), canonical URL, the instant it
 * was published (or first seen, for feeds without dates), its source, section and tags.
 * {@code id} is 0 until the article is stored. {@code identityKey} is what deduplicates it:
 * "guid:" + GUID, else "url:" + canonical URL, else "title:" + normalised title + date.
 * {@code image} is the source's picture for it ({@link ArticleImage}), null when it has none.
 * Every text is one line without control characters or bidi overrides ({@link Text#line}), whatever
 * the source gave, so none reaches a header, a template or the database.
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
        int readingMinutes,
        ArticleImage image) {

    public Article {
        identityKey = Text.line(identityKey);
        sourceName = Text.line(sourceName);
        url = Text.line(url);
        title = Text.line(title);
        summary = Text.line(summary);
        author = Text.line(author);
        section = Text.line(section);
        tags = List.copyOf(tags.stream().map(Text::line).toList());
    }

    /** An article without an image. */
    public Article(long id, String identityKey, String sourceName, String url, String title, String summary,
            String author, String section, List<String> tags, Instant published, Instant firstSeen,
            int readingMinutes) {
        this(id, identityKey, sourceName, url, title, summary, author, section, tags, published, firstSeen,
                readingMinutes, null);
    }

    public Article withId(long newId) {
        return new Article(newId, identityKey, sourceName, url, title, summary, author, section, tags,
                published, firstSeen, readingMinutes, image);
    }
}
