package org.resumen.digest.edition;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * The topics after "less of {@code section}": the subscriber's topics without it (compared
     * like the articles are); when that leaves none, or they had none (everything), every other
     * section of {@code knownSections}. Empty only when no other section is known, since empty
     * topics would mean everything again.
     */
    public static Set<String> without(Set<String> topics, String section, Collection<String> knownSections) {
        String muted = normalise(section);
        Set<String> kept = new TreeSet<>();
        topics.stream().filter(t -> !normalise(t).equals(muted)).forEach(kept::add);
        if (kept.isEmpty()) {
            knownSections.stream().filter(t -> !normalise(t).equals(muted)).forEach(kept::add);
        }
        return kept;
    }

    /** True when {@code topics} (empty: everything) let articles of {@code section} through. */
    public static boolean receives(Set<String> topics, String section) {
        return topics.isEmpty() || topics.stream().map(Topics::normalise).anyMatch(normalise(section)::equals);
    }

    static String normalise(String topic) {
        String decomposed = Normalizer.normalize(topic.trim(), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
