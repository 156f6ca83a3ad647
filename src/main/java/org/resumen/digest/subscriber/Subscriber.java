package org.resumen.digest.subscriber;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * A person on the list. {@code email} is stored lower-cased; {@code locale} and {@code timezone}
 * are null when the subscriber has none (the newsletter's apply); empty {@code topics} means
 * everything.
 */
public record Subscriber(
        long id,
        String email,
        String name,
        Locale locale,
        Set<String> topics,
        ZoneId timezone,
        Status status) {

    /** Whether the subscriber gets mail. An unsubscribed address stays so even while still in a file. */
    public enum Status { ACTIVE, UNSUBSCRIBED }

    public Subscriber {
        topics = Set.copyOf(topics);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
