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

    /**
     * Whether the subscriber gets mail. UNSUBSCRIBED stays so even while the address is still in a
     * file; REMOVED means the address is no longer in any subscriber file (kept for the delivery log);
     * PENDING signed up on the web and has not opened the confirmation link yet (gets nothing).
     * BOUNCED (the address does not exist) and COMPLAINED (marked a digest as spam) get nothing, and
     * neither the file sync nor anything but {@code digest subscribers lift} makes them ACTIVE again.
     */
    public enum Status { ACTIVE, UNSUBSCRIBED, REMOVED, PENDING, BOUNCED, COMPLAINED }

    /** Where a subscriber came from: the file sync removes only {@code FILE} subscribers. */
    public enum Origin { FILE, WEB, API }

    public Subscriber {
        topics = Set.copyOf(topics);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}
