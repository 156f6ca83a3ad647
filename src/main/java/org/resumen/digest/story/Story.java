package org.resumen.digest.story;

import java.time.Instant;
import java.util.List;
import org.resumen.digest.article.Article;

/**
 * One event of the edition: the lead article shown in full, and the same event's articles from
 * other sources ("También en" / "Also in"), each from a different source than the lead and each other.
 */
public record Story(Article lead, List<Article> alsoIn) {
    public Story {
        alsoIn = List.copyOf(alsoIn);
    }

    /** A story of one article. */
    public static Story of(Article article) {
        return new Story(article, List.of());
    }

    /** How many sources tell this story. */
    public int coverage() {
        return 1 + alsoIn.size();
    }

    /** When the lead was published (or first seen); null when neither is known. */
    public Instant published() {
        return timeOf(lead);
    }

    static Instant timeOf(Article article) {
        return article.published() != null ? article.published() : article.firstSeen();
    }
}
