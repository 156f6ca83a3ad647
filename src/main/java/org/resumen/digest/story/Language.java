package org.resumen.digest.story;

import java.util.Locale;
import java.util.Set;

/** The language an article is analysed in; detected from its function words when not known. */
enum Language {
    SPANISH,
    ENGLISH;

    // Words frequent in one language and rare in the other: a cheap, deterministic guess that is
    // right for headlines plus a summary (a couple of dozen words).
    private static final Set<String> SPANISH_MARKERS = Set.of("el", "la", "los", "las", "del", "de", "que",
            "y", "en", "por", "con", "para", "una", "un", "se", "su", "al", "tras", "es", "sobre");
    private static final Set<String> ENGLISH_MARKERS = Set.of("the", "of", "and", "in", "by", "to", "for",
            "with", "on", "is", "as", "after", "has", "have", "its", "from", "at", "will", "said", "an");

    static Language detect(String text) {
        int spanish = 0;
        int english = 0;
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (SPANISH_MARKERS.contains(word)) {
                spanish++;
            }
            if (ENGLISH_MARKERS.contains(word)) {
                english++;
            }
        }
        return english > spanish ? ENGLISH : SPANISH;
    }
}
