package org.resumen.digest.story;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.resumen.digest.article.Article;

/** One article as the clusterer compares it: its language, analysed terms with counts, and mentions. */
record StoryText(Language language, Map<String, Integer> terms, Set<String> titleTerms, List<Set<String>> titleNames,
        Mentions mentions) {
    // A headline is the outlet's own summary of the event: its words count double.
    private static final int TITLE_WEIGHT = 2;

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
        return new StoryText(language, Map.copyOf(terms), Set.copyOf(titleTerms),
                TitleNames.of(title), Mentions.of(all, language));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
