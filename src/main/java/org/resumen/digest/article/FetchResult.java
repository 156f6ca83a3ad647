package org.resumen.digest.article;

import java.util.List;

/** What one fetch gave: the articles read, and full messages for the items that had to be skipped. */
public record FetchResult(List<Article> articles, List<String> problems) {
    public FetchResult {
        articles = List.copyOf(articles);
        problems = List.copyOf(problems);
    }
}
