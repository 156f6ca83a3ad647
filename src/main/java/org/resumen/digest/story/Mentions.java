package org.resumen.digest.story;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an article names specifically: capitalised names (people, places, bodies, acronyms), numbers
 * (vote counts, amounts, percentages, dates) normalised so "15.000", "15 mil" and "15,000" meet,
 * and days or months. Two reports of one event tend to share them; two events with the same people
 * tend to disagree on the numbers and the day.
 */
record Mentions(Set<String> names, Set<String> numbers, Set<String> days) {
    private static final Pattern NAME = Pattern.compile("\\b\\p{Lu}[\\p{L}]+(?:['’]s)?");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])(\\d+(?:[.,]\\d+)*)(\\s+mil(?![\\p{L}]))?");
    private static final Set<String> DAYS = Set.of("lunes", "martes", "miercoles", "jueves", "viernes", "sabado",
            "domingo", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
            "setiembre", "octubre", "noviembre", "diciembre", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december");
    // Capitalised function words that open a sentence or a headline; not names.
    private static final Set<String> NOT_NAMES = Set.of("el", "la", "los", "las", "un", "una", "en", "con", "por",
            "para", "tras", "sin", "de", "del", "al", "y", "es", "son", "se", "su", "hay", "ya", "the", "a", "an",
            "in", "on", "after", "he", "she", "it", "they", "this", "his", "her", "its", "of", "and", "for");

    static Mentions of(String text, Language language) {
        Set<String> names = new TreeSet<>();
        Set<String> days = new TreeSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            String word = fold(name.group().replaceAll("['’]s$", ""));
            if (!NOT_NAMES.contains(word) && !DAYS.contains(word)) {
                names.add(word);
            }
        }
        for (String word : fold(text).split("[^a-z]+")) {
            if (DAYS.contains(word)) {
                days.add(word);
            }
        }
        return new Mentions(Set.copyOf(names), numbers(text, language), Set.copyOf(days));
    }

    private static Set<String> numbers(String text, Language language) {
        Set<String> numbers = new TreeSet<>();
        Matcher number = NUMBER.matcher(text);
        while (number.find()) {
            String value = plain(number.group(1), language);
            if (number.group(2) != null) {
                value = times1000(value);
            }
            numbers.add(value);
        }
        return Set.copyOf(numbers);
    }

    // Spanish writes 1.450 and 3,2; English 1,450 and 3.2. Both end up as 1450 and 3.2.
    private static String plain(String digits, Language language) {
        String thousands = language == Language.ENGLISH ? "," : ".";
        String decimal = language == Language.ENGLISH ? "." : ",";
        String grouped = digits.matches("\\d{1,3}(?:" + Pattern.quote(thousands) + "\\d{3})+") ? digits.replace(thousands, "")
                : digits;
        return grouped.replace(decimal, ".");
    }

    private static String times1000(String value) {
        return new java.math.BigDecimal(value).multiply(java.math.BigDecimal.valueOf(1000)).stripTrailingZeros()
                .toPlainString();
    }

    static boolean isFunctionWord(String folded) {
        return NOT_NAMES.contains(folded);
    }

    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    static boolean disagree(Set<String> a, Set<String> b) {
        return !a.isEmpty() && !b.isEmpty() && shared(a, b) == 0;
    }

    static int shared(Set<String> a, Set<String> b) {
        int count = 0;
        for (String value : a) {
            if (b.contains(value)) {
                count++;
            }
        }
        return count;
    }
}
