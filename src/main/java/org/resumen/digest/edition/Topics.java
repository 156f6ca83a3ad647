package org.resumen.digest.edition;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.resumen.digest.article.Article;

/**
 * Which articles of an edition a subscriber gets: those whose section or one of whose tags is among
 * the subscriber's topics, compared without case or accents ("economia" matches "Economía");
 * no topics means everything.
 */
public final class Topics {
    private Topics() {
    }

    public static List<Article> forSubscriber(List<Article> articles, Set<String> topics) {
        if (topics.isEmpty()) {
            return articles;
        }
        Set<String> wanted = topics.stream().map(Topics::normalise).collect(Collectors.toSet());
        return articles.stream().filter(a -> matches(a, wanted)).toList();
    }

    private static boolean matches(Article article, Set<String> wanted) {
        if (article.section() != null && wanted.contains(normalise(article.section()))) {
            return true;
        }
        return article.tags().stream().map(Topics::normalise).anyMatch(wanted::contains);
    }

    static String normalise(String topic) {
        String decomposed = Normalizer.normalize(topic.trim(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
