package org.resumen.digest.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/** The newsletter's identity, schedule and edition limits ({@code newsletter.*}). */
public record NewsletterConfig(
        String name,
        String from,
        ZoneId timezone,
        Locale locale,
        String schedule,
        String baseUrl,
        int maxArticles,
        Duration maxAge) {
}
