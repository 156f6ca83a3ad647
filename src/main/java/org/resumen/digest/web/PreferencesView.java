package org.resumen.digest.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Subscriber;

/** What the preferences page shows, computed here so the template only loops and displays. */
final class PreferencesView {
    private static final Pattern REGION_ZONE =
            Pattern.compile("(Africa|America|Antarctica|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z_/-]+|UTC");
    private static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> REGION_ZONE.matcher(zone).matches()).sorted().toList();

    /** One checkbox, radio button or select option. */
    record Choice(String value, String label, boolean checked) {
    }

    private final PageLocale locales;
    private final ZoneId newsletterZone;

    PreferencesView(PageLocale locales, ZoneId newsletterZone) {
        this.locales = locales;
        this.newsletterZone = newsletterZone;
    }

    Map<String, Object> model(Subscriber subscriber, Locale locale, Optional<Instant> pausedUntil,
                              TopicChoices.Recent recent, String action) {
        Map<String, Object> model = new HashMap<>();
        model.put("address", Emails.mask(subscriber.email()));
        model.put("action", action);
        model.put("unsubscribed", subscriber.status() == Subscriber.Status.UNSUBSCRIBED);
        model.put("sections", choices(recent.sections(), subscriber.topics()));
        model.put("tags", choices(withOwn(recent, subscriber.topics()), subscriber.topics()));
        model.put("languages", languages(subscriber.locale()));
        model.put("zones", zones(subscriber.timezone()));
        model.put("newsletterZone", newsletterZone.getId());
        model.put("pausedUntil", pausedUntil.map(until -> DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale).format(until.atZone(zoneOf(subscriber)))).orElse(null));
        model.put("pauseWeeks", List.of(1, 2, 4));
        return model;
    }

    /** Checkboxes for {@code topics}, ticked where {@code chosen} names them (as posted to a form). */
    static List<Choice> choices(List<String> topics, java.util.Collection<String> chosen) {
        return choices(topics, Set.copyOf(chosen));
    }

    private static List<Choice> choices(List<String> topics, Set<String> chosen) {
        return topics.stream().map(topic -> new Choice(topic, topic, TopicChoices.contains(chosen, topic))).toList();
    }

    // A topic the subscriber chose that no recent edition carried stays on the page, so saving keeps it.
    private static List<String> withOwn(TopicChoices.Recent recent, Set<String> chosen) {
        List<String> tags = new ArrayList<>(recent.tags());
        chosen.stream().sorted()
                .filter(topic -> !TopicChoices.contains(Set.copyOf(recent.sections()), topic)
                        && !TopicChoices.contains(Set.copyOf(recent.tags()), topic))
                .forEach(tags::add);
        return tags;
    }

    List<Choice> languages(Locale current) {
        return locales.languages().stream().map(language -> {
            Locale locale = Locale.forLanguageTag(language);
            String name = locale.getDisplayLanguage(locale);
            return new Choice(language, name.substring(0, 1).toUpperCase(locale) + name.substring(1),
                    current != null && current.getLanguage().equals(language));
        }).toList();
    }

    private static List<Choice> zones(ZoneId current) {
        return ZONES.stream().map(zone -> new Choice(zone, zone.replace('_', ' '),
                current != null && current.getId().equals(zone))).toList();
    }

    private ZoneId zoneOf(Subscriber subscriber) {
        return subscriber.timezone() != null ? subscriber.timezone() : newsletterZone;
    }
}
