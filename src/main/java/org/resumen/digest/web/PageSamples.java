package org.resumen.digest.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stand-in model for each page, to render every template once at start-up. */
final class PageSamples {
    static final List<String> PAGES = List.of("unsubscribe", "unsubscribed", "mute", "muted", "mute-only", "preferences", "not-found", "error", "archive",
            "archive-edition", "subscribe", "subscribe-sent", "subscribe-limited", "confirm-ask", "confirmed", "confirm-expired",
            "admin-login", "admin-setup", "admin-refused");

    private PageSamples() {
    }

    static Map<String, Object> model(String page) {
        Map<String, Object> model = new HashMap<>();
        model.put("address", "a***@example.org");
        model.put("unsubscribeAction", "/unsubscribe/sample");
        model.put("preferencesAction", "/preferences/sample");
        model.put("muteAction", "/mute/sample");
        model.put("section", "Economía");
        model.put("editions", List.of(new ArchivePages.EditionLine("/archive/2025-12-16", "16 de diciembre de 2025",
                "El Senado posterga el debate", 9)));
        model.put("date", "16 de diciembre de 2025");
        model.put("sections", List.of(new ArchivePages.SectionView(null, List.of(new ArchivePages.ArticleView(
                "Título", "https://example.org/nota", "Redacción", "09:30", "Resumen.")))));
        model.put("validHours", 72L);
        model.put("csrf", "sample");
        model.put("admin", "ana@example.org");
        model.put("role", "admin");
        if (page.startsWith("admin-")) {
            model.put("email", "ana@example.org");
            model.put("action", "/admin/setup/sample");
            model.put("errorKey", "web.admin.login.wrong");
        }
        if (page.equals("subscribe")) {
            model.put("action", "/subscribe");
            model.put("email", "ana@example.org");
            model.put("name", "Ana");
            model.put("sections", List.of(new PreferencesView.Choice("Economía", "Economía", true)));
            model.put("tags", List.of(new PreferencesView.Choice("senado", "senado", false)));
            model.put("languages", List.of(new PreferencesView.Choice("es", "Español", true)));
            model.put("honeypot", SignUpForm.HONEYPOT);
            model.put("errorField", "email");
            model.put("errorKey", "web.subscribe.invalid.email");
        }
        if (page.equals("confirm-ask")) {
            model.put("action", "/confirm/sample");
        }
        if (page.equals("preferences")) {
            model.put("action", "/preferences/sample");
            model.put("unsubscribed", false);
            model.put("sections", List.of(new PreferencesView.Choice("Economía", "Economía", true)));
            model.put("tags", List.of(new PreferencesView.Choice("senado", "senado", false)));
            model.put("languages", List.of(new PreferencesView.Choice("es", "Español", true)));
            model.put("zones", List.of(new PreferencesView.Choice("UTC", "UTC", false)));
            model.put("newsletterZone", "America/Argentina/Buenos_Aires");
            model.put("pausedUntil", "1 de enero de 2026");
            model.put("pauseWeeks", List.of(1, 2, 4));
            model.put("notice", "saved");
            model.put("errorField", "topic");
            model.put("errorKey", "web.preferences.invalid.topic");
        }
        return model;
    }
}
