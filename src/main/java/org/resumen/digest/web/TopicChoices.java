package org.resumen.digest.web;

import java.text.Collator;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.resumen.digest.article.Article;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;

/**
 * The topics a subscriber can pick: the sections and tags the last editions carried, each once
 * whatever its case or accents (as {@link org.resumen.digest.edition.Topics} compares them).
 */
final class TopicChoices {
    /** How many of the latest editions the choices come from. */
    static final int EDITIONS = 7;

    private final Editions editions;

    TopicChoices(Editions editions) {
        this.editions = editions;
    }

    /** Sections and tags of the recent editions, sorted for {@code locale}. */
    record Recent(List<String> sections, List<String> tags) {
    }

    Recent recent(Locale locale) {
        Map<String, String> sections = new LinkedHashMap<>();
        Map<String, String> tags = new LinkedHashMap<>();
        List<LocalDate> dates = editions.dates();
        for (LocalDate date : dates.subList(Math.max(0, dates.size() - EDITIONS), dates.size())) {
            Edition edition = editions.find(date).orElseThrow();
            for (Article article : edition.articles()) {
                if (article.section() != null && !article.section().isBlank()) {
                    sections.putIfAbsent(key(article.section()), article.section().trim());
                }
                article.tags().forEach(tag -> tags.putIfAbsent(key(tag), tag.trim()));
            }
        }
        sections.keySet().forEach(tags::remove);
        return new Recent(sorted(sections, locale), sorted(tags, locale));
    }

    /** The key two spellings of one topic share ("Economía" and "economia"). */
    static String key(String topic) {
        return Normalizer.normalize(topic.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    static boolean contains(Set<String> topics, String topic) {
        return topics.stream().anyMatch(t -> key(t).equals(key(topic)));
    }

    private static List<String> sorted(Map<String, String> byKey, Locale locale) {
        Map<String, String> sorted = new TreeMap<>(Collator.getInstance(locale));
        byKey.values().forEach(name -> sorted.put(name, name));
        return List.copyOf(sorted.keySet());
    }
}
