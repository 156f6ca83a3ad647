package org.resumen.digest.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The newsletter's identity, schedule, edition limits and editorial choices ({@code newsletter.*}). */
public record NewsletterConfig(
        String name,
        String from,
        ZoneId timezone,
        Locale locale,
        String schedule,
        String baseUrl,
        int maxArticles,
        Duration maxAge,
        Duration sendDeadline,
        Delivery delivery,
        boolean cluster,
        boolean images,
        Duration sourceGrace,
        List<String> alerts) {

    /** When each delivery falls due: everyone at the edition's time, or at that hour in each subscriber's zone. */
    public enum Delivery { EDITION, LOCAL }

    public NewsletterConfig {
        alerts = List.copyOf(alerts);
    }

    /** The first wave's keys, every newer one at its built-in default (for tests and tools). */
    public NewsletterConfig(String name, String from, ZoneId timezone, Locale locale, String schedule, String baseUrl,
                            int maxArticles, Duration maxAge) {
        this(name, from, timezone, locale, schedule, baseUrl, maxArticles, maxAge, Duration.ofHours(6), Delivery.EDITION,
                true, true, Duration.ofMinutes(20), List.of());
    }
}
