package org.resumen.digest.web;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resumen.digest.subscriber.Preferences;
import org.resumen.digest.subscriber.Subscriber;

/**
 * What the preferences form posted, checked field by field: topics among those offered (or the
 * subscriber's own), a language with messages, a known time zone, a pause of 1, 2 or 4 weeks.
 */
record PreferencesForm(Preferences preferences, Pause pause) {
    /** Keep the current pause, end it, or pause for some weeks from now. */
    record Pause(boolean keep, Duration length) {
        static final Pause KEEP = new Pause(true, null);
        static final Pause NONE = new Pause(false, null);
    }

    static final List<String> PAUSE_WEEKS = List.of("1", "2", "4");
    private static final int LONGEST_TOPIC = 200;

    static PreferencesForm read(Context ctx, Subscriber subscriber, TopicChoices.Recent offered, List<String> languages) {
        return new PreferencesForm(new Preferences(topics(ctx.formParams("topic"), subscriber, offered),
                locale(ctx.formParam("language"), subscriber, languages), zone(ctx.formParam("timezone"))),
                pause(ctx.formParam("pause")));
    }

    private static Set<String> topics(List<String> posted, Subscriber subscriber, TopicChoices.Recent offered) {
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : posted) {
            String trimmed = topic.trim();
            boolean known = TopicChoices.contains(subscriber.topics(), trimmed)
                    || TopicChoices.contains(Set.copyOf(offered.sections()), trimmed)
                    || TopicChoices.contains(Set.copyOf(offered.tags()), trimmed);
            if (!known || trimmed.length() > LONGEST_TOPIC) {
                throw new InvalidForm("topic", "web.preferences.invalid.topic");
            }
            topics.add(trimmed);
        }
        return topics;
    }

    // The same language as now keeps the subscriber's country (es-AR stays es-AR when "es" is posted).
    private static Locale locale(String posted, Subscriber subscriber, List<String> languages) {
        if (posted == null || posted.isBlank()) {
            return null;
        }
        if (!languages.contains(posted)) {
            throw new InvalidForm("language", "web.preferences.invalid.language");
        }
        Locale current = subscriber.locale();
        return current != null && current.getLanguage().equals(posted) ? current : Locale.forLanguageTag(posted);
    }

    private static ZoneId zone(String posted) {
        if (posted == null || posted.isBlank()) {
            return null;
        }
        try {
            if (!ZoneId.getAvailableZoneIds().contains(posted)) {
                throw new InvalidForm("timezone", "web.preferences.invalid.timezone");
            }
            return ZoneId.of(posted);
        } catch (DateTimeException e) {
            throw new InvalidForm("timezone", "web.preferences.invalid.timezone");
        }
    }

    private static Pause pause(String posted) {
        if (posted == null || posted.isBlank() || posted.equals("keep")) {
            return Pause.KEEP;
        }
        if (posted.equals("none")) {
            return Pause.NONE;
        }
        if (!PAUSE_WEEKS.contains(posted)) {
            throw new InvalidForm("pause", "web.preferences.invalid.pause");
        }
        return new Pause(false, Duration.ofDays(7L * Integer.parseInt(posted)));
    }
}
