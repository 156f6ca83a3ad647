package org.resumen.digest.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times written the way a reader of the locale expects: "martes 16 de diciembre de 2025"
 * in Spanish, "Tuesday, December 16, 2025" in English, the CLDR full date elsewhere; times as HH:mm.
 */
final class LocalFormats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private LocalFormats() {
    }

    /** The full date of an edition, with the year: the line under the newsletter's name. */
    static String fullDate(LocalDate date, Locale locale) {
        return date.format(fullPattern(locale).withLocale(locale));
    }

    /** The date without the year, short enough for a subject line. */
    static String shortDate(LocalDate date, Locale locale) {
        return date.format(shortPattern(locale).withLocale(locale));
    }

    /** The wall-clock time of an instant in the reader's time zone, 24-hour "07:45". */
    static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    // The CLDR full style puts a comma after the weekday in Spanish ("martes, 16 de …"); Spanish
    // newspapers and the issue write it without one, so Spanish and English get explicit patterns.
    private static DateTimeFormatter fullPattern(Locale locale) {
        return switch (locale.getLanguage()) {
            case "es" -> DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' y");
            case "en" -> DateTimeFormatter.ofPattern("EEEE, MMMM d, y");
            default -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
        };
    }

    private static DateTimeFormatter shortPattern(Locale locale) {
        return switch (locale.getLanguage()) {
            case "es" -> DateTimeFormatter.ofPattern("EEEE d 'de' MMMM");
            case "en" -> DateTimeFormatter.ofPattern("EEEE, MMMM d");
            default -> DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
        };
    }
}
