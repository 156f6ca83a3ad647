package org.resumen.digest.article;

import java.util.List;

/**
 * What one fetch gave: the articles read, full messages for the items that had to be skipped, and the
 * validators to send next time ({@link Validators#NONE} when the source has none).
 */
public record FetchResult(List<Article> articles, List<String> problems, Validators validators) {
    public FetchResult {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }

    public FetchResult(List<Article> articles, List<String> problems) {
        this(articles, problems, Validators.NONE);
    }

    /** The source has not changed since the version these validators name: nothing to read. */
    static FetchResult unchanged(Validators validators) {
        return new FetchResult(List.of(), List.of(), validators);
    }
}
