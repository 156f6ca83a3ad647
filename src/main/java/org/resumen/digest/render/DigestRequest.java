package org.resumen.digest.render;

import java.util.List;
import java.util.Locale;
import org.resumen.digest.article.Article;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.subscriber.Subscriber;

/**
 * Everything one subscriber's digest is rendered from: the edition, the articles of it this
 * subscriber chose (already filtered by topic, in edition order), the locale to write in, and the
 * subscriber's personal links.
 */
public record DigestRequest(Edition edition, List<Article> articles, Subscriber subscriber, Locale locale, Links links) {
    public DigestRequest {
        articles = List.copyOf(articles);
    }
}
