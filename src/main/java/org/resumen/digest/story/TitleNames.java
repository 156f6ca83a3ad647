package org.resumen.digest.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a headline puts forward, as runs of capitalised words ("Corte Suprema", "Ignacio
 * Paredes", "CGT"). A one-word run that opens the headline is left out: Spanish capitalises the
 * first word of a headline whatever it is ("Renunció", "Alquileres").
 */
final class TitleNames {
    private static final Pattern RUN = Pattern.compile(
            "\\p{Lu}[\\p{L}]*(?:['’]s)?(?:\\s+(?:de\\s+|del\\s+)?\\p{Lu}[\\p{L}]*(?:['’]s)?)*");

    private TitleNames() {
    }

    /** Each run as its folded words, without connecting "de"/"del" and possessive 's. */
    static List<Set<String>> of(String title) {
        List<Set<String>> runs = new ArrayList<>();
        Matcher run = RUN.matcher(title);
        while (run.find()) {
            List<String> words = new ArrayList<>();
            for (String word : run.group().split("\\s+")) {
                String folded = Mentions.fold(word.replaceAll("['’]s$", ""));
                if (!folded.equals("de") && !folded.equals("del") && !Mentions.isFunctionWord(folded)) {
                    words.add(folded);
                }
            }
            boolean opensTitle = title.substring(0, run.start()).isBlank();
            if (!words.isEmpty() && !(opensTitle && words.size() == 1)) {
                runs.add(Set.copyOf(words));
            }
        }
        return List.copyOf(runs);
    }

    /**
     * Whether each headline names something the other article never mentions (Brasilia against
     * Madrid, the Senate against the Chamber of Deputies): two events, whatever else they share.
     */
    static boolean disagree(StoryText a, StoryText b) {
        return namesUnknown(a, b) && namesUnknown(b, a);
    }

    private static boolean namesUnknown(StoryText headline, StoryText other) {
        for (Set<String> name : headline.titleNames()) {
            if (!mentioned(name, other)) {
                return true;
            }
        }
        return false;
    }

    // A run counts as mentioned when any of its words is: "Paredes" covers "Ignacio Paredes".
    // Names meet the other's stemmed terms by their first letters, so "Córdoba" meets
    // "cordobesas" and "Senado" meets "senadores".
    private static boolean mentioned(Set<String> name, StoryText other) {
        for (String word : name) {
            if (other.mentions().names().contains(word) || other.mentions(word)) {
                return true;
            }
        }
        return false;
    }
}
