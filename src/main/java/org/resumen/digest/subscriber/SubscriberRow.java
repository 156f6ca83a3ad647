package org.resumen.digest.subscriber;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * One valid row of a subscriber file: {@code email} lower-cased and trimmed, {@code name} never null
 * (empty when the file has none), {@code locale} and {@code timezone} null when empty, empty
 * {@code topics} meaning everything, and {@code origin} the {@code file:line} it came from.
 */
public record SubscriberRow(String email, String name, Locale locale, Set<String> topics, ZoneId timezone, String origin) {

    public SubscriberRow {
        name = name == null ? "" : name;
        topics = Set.copyOf(topics);
    }
}
