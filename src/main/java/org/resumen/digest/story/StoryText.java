package org.resumen.digest.story;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.resumen.digest.article.Article;

/**
 * One article as the clusterer compares it: its language, analysed terms with counts, the
 * five-letter stems of its terms, and mentions.
 */
record StoryText(Language language, Map<String, Integer> terms, Set<String> stems, Set<String> titleTerms,
        List<Set<String>> titleNames, Mentions mentions) {
    // A headline is the outlet's own summary of the event: its words count double.
    private static final int TITLE_WEIGHT = 2;
    static final int STEM = 5;

    static StoryText of(Article article, TermAnalyzer analyzer) {
        String title = nullToEmpty(article.title());
        String summary = nullToEmpty(article.summary());
        String all = title + ". " + summary;
        Language language = Language.detect(all);
        Map<String, Integer> terms = new TreeMap<>();
        List<String> titleTerms = analyzer.terms(title, language);
        for (String term : titleTerms) {
            terms.merge(term, TITLE_WEIGHT, Integer::sum);
        }
        for (String term : analyzer.terms(summary, language)) {
            terms.merge(term, 1, Integer::sum);
        }
        Set<String> stems = new HashSet<>();
        for (String term : terms.keySet()) {
            if (term.length() >= STEM) {
                stems.add(term.substring(0, STEM));
            }
        }
        return new StoryText(language, Map.copyOf(terms), Set.copyOf(stems), Set.copyOf(titleTerms),
                TitleNames.of(title), Mentions.of(all, language));
    }

    /**
     * Whether this text has the word, or (light stemming keeps "candidata" and "candidatura"
     * apart) a term with the same first five letters.
     */
    boolean mentions(String word) {
        return terms.containsKey(word) || word.length() >= STEM && stems.contains(word.substring(0, STEM));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
