package org.resumen.digest.edition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resumen.digest.article.Article;

/**
 * The selection rule, as a pure function: of the candidates in the window, those no other edition
 * carried, the newest {@code max} of them, grouped by section (sections in the order of their newest
 * article), newest first within each section.
 */
final class Selection {
    private Selection() {
    }

    static List<Article> select(List<Article> candidates, Set<Long> carried, int max) {
        List<Article> newest = candidates.stream()
                .filter(a -> !carried.contains(a.id()))
                .sorted(Comparator.comparing(Article::published).reversed().thenComparing(Article::id))
                .limit(max)
                .toList();
        Map<String, List<Article>> bySection = new LinkedHashMap<>();
        for (Article article : newest) {
            bySection.computeIfAbsent(sectionOf(article), s -> new ArrayList<>()).add(article);
        }
        return bySection.values().stream().flatMap(List::stream).toList();
    }

    private static String sectionOf(Article article) {
        return article.section() == null ? "" : Topics.normalise(article.section());
    }
}
