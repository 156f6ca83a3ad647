package org.resumen.digest.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.resumen.digest.subscriber.Subscriber;

/**
 * The language a page is written in: the subscriber's where a token names one, else the first
 * language of {@code Accept-Language} that has a messages file, else {@code newsletter.locale}.
 */
final class PageLocale {
    private static final Pattern MESSAGES_FILE = Pattern.compile("messages_([a-z]{2,3})\\.properties");

    private final Locale fallback;
    private final List<String> languages;

    PageLocale(Path templates, Locale fallback) {
        this.fallback = fallback;
        this.languages = languagesIn(templates, fallback);
    }

    /** The languages with their own messages file (es, en), the newsletter's first. */
    List<String> languages() {
        return languages;
    }

    Locale of(Subscriber subscriber, String acceptLanguage) {
        if (subscriber != null && subscriber.locale() != null && !subscriber.locale().getLanguage().isEmpty()) {
            return subscriber.locale();
        }
        return of(acceptLanguage);
    }

    Locale of(String acceptLanguage) {
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    Locale asked = Locale.forLanguageTag(range.getRange());
                    if (range.getWeight() > 0 && languages.contains(asked.getLanguage())) {
                        return asked;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is the browser's problem; the newsletter's language still works.
            }
        }
        return fallback;
    }

    private static List<String> languagesIn(Path templates, Locale fallback) {
        List<String> found = new ArrayList<>();
        found.add(fallback.getLanguage());
        try (Stream<Path> files = Files.list(templates)) {
            files.map(f -> MESSAGES_FILE.matcher(f.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
                    .sorted()
                    .filter(language -> !found.contains(language))
                    .forEach(found::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the messages files in " + templates, e);
        }
        return List.copyOf(found);
    }
}
