package org.resumen.digest.web;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.resumen.digest.admin.AdminSessions.Session;
import org.resumen.digest.edition.Editions;

/**
 * What every console page shares: the signed-in admin, the navigation (whose Editions link opens
 * today's edition), the role check of the admin-only actions, and times written in the newsletter's zone.
 */
final class Console {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final Pages pages;
    private final PageLocale locales;
    private final Editions editions;
    private final ZoneId zone;

    Console(Pages pages, PageLocale locales, Editions editions, ZoneId zone) {
        this.pages = pages;
        this.locales = locales;
        this.editions = editions;
        this.zone = zone;
    }

    /** The model every console page starts from: who is signed in, their role, the CSRF token, the nav's links. */
    Map<String, Object> model(Context ctx, String current) {
        Session session = session(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("admin", session.admin().email());
        model.put("role", session.admin().role().name().toLowerCase(Locale.ROOT));
        model.put("mayManage", session.admin().role().mayManage());
        model.put("csrf", session.csrf());
        model.put("current", current);
        model.put("todayEdition", "/admin/editions/" + editions.today());
        return model;
    }

    void show(Context ctx, int status, String page, Map<String, ?> model) {
        pages.show(ctx, status, page, locale(ctx), model);
        ctx.header(SecurityHeaders.CSP, SecurityHeaders.CONSOLE_POLICY);
    }

    /**
     * True when the signed-in account is an editor, after answering 403 with the refusal page:
     * sending to everyone and retrying are for the admin role only.
     */
    boolean refusedUnlessAdmin(Context ctx) {
        if (session(ctx).admin().role().mayManage()) {
            return false;
        }
        pages.show(ctx, 403, "admin-refused", locale(ctx), Map.of("errorKey", "web.console.refused.role"));
        return true;
    }

    /** An instant as the newsletter's readers tell time, to the minute ("2025-12-17 07:00"). */
    String inZone(Instant instant) {
        return instant == null ? null : MINUTES.format(instant.atZone(zone));
    }

    String zone() {
        return zone.getId();
    }

    Locale locale(Context ctx) {
        return locales.of(ctx.header("Accept-Language"));
    }

    private static Session session(Context ctx) {
        return ctx.attribute(AdminPages.SESSION);
    }
}
