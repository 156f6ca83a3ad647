package org.resumen.digest.subscriber;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * What a subscriber chose on their preferences page: the topics (empty = everything), the language
 * and the time zone (null = the newsletter's).
 */
public record Preferences(Set<String> topics, Locale locale, ZoneId timezone) {
    public Preferences {
        topics = Set.copyOf(topics);
    }
}
