package org.resumen.digest.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Articles pushed through the REST API: a source of kind {@code api} named {@link #SOURCE}. Each
 * goes through the same normalisation, sanitising ({@link Normaliser}) and dedupe
 * ({@link ArticleStore#saveNew}) as a feed item, and the push is recorded as that source's fetch.
 */
public final class PushedArticles {
    /** The source name pushed articles carry, and the row of the {@code sources} table for their health. */
    public static final String SOURCE = "api";

    private final ArticleStore store;
    private final Clock clock;

    public PushedArticles(ArticleStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * What a client pushes. {@code title} is required; {@code summaryHtml} and {@code bodyHtml} may
     * carry HTML (sanitised to plain text as a feed's); anything else may be null.
     */
    public record Push(String guid, String url, String title, String summaryHtml, String bodyHtml, String author,
                       String section, List<String> tags, Instant published) {
    }

    /** The article as stored, and whether it was new ({@code false}: an earlier one had its key or URL). */
    public record Pushed(Article article, boolean added) {
    }

    /**
     * Normalises and stores {@code push}.
     *
     * @throws IllegalArgumentException with the reason the article cannot be used (no title, URL too long)
     */
    public Pushed push(Push push) {
        Instant now = clock.instant();
        Draft draft = new Draft(push.guid(), push.url(), null, push.title(), push.summaryHtml(), push.bodyHtml(), null,
                push.author(), push.section(), push.tags() == null ? List.of() : push.tags(), push.published(), null);
        Article article = Normaliser.normalise(draft, SOURCE, now);
        Optional<Article> saved = store.saveNew(List.of(article)).stream().findFirst();
        store.recordFetch(SOURCE, "REST API (/api/v1/articles)", now, null);
        return new Pushed(saved.orElse(article), saved.isPresent());
    }
}
