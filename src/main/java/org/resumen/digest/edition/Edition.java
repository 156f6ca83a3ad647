package org.resumen.digest.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.resumen.digest.article.Article;

/**
 * The frozen snapshot of one newsletter's issue for one date: the articles published in
 * ({@code windowStart}, {@code cutoff}] that no earlier edition carried, grouped by section and
 * newest first. Once stored it never changes, so re-running it renders the same articles.
 */
public record Edition(
        long id,
        String newsletter,
        LocalDate date,
        Instant cutoff,
        Instant windowStart,
        List<Article> articles) {

    public Edition {
        articles = List.copyOf(articles);
    }

    public boolean isEmpty() {
        return articles.isEmpty();
    }
}
