package org.resumen.digest.web;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Map;
import org.resumen.digest.admin.AdminSessions.Session;

/**
 * The pages only the admin role may use (subscribers, admins, API tokens): the signed-in session
 * {@link AdminPages#guard} left on the request, or a 403 page for an editor. Also the model every
 * one of those pages starts from (who is signed in, the CSRF token of its forms).
 */
final class AdminOnly {
    private final Console console;
    private final PageLocale locales;
    private final Pages pages;

    AdminOnly(Console console, PageLocale locales, Pages pages) {
        this.console = console;
        this.locales = locales;
        this.pages = pages;
    }

    /** The session of an admin; for an editor, shows the 403 page and returns null (the handler stops). */
    Session session(Context ctx) {
        Session session = ctx.attribute(AdminPages.SESSION);
        if (session == null || !session.admin().role().mayManage()) {
            pages.show(ctx, 403, "admin-refused", locale(ctx), Map.of("errorKey", "web.manage.refused.role"));
            return null;
        }
        return session;
    }

    /** The console's own page model (signed-in line, CSRF token, nav with {@code current} marked). */
    Map<String, Object> model(Context ctx, String current) {
        return console.model(ctx, current);
    }

    void show(Context ctx, int status, String page, Map<String, Object> model) {
        console.show(ctx, status, page, model);
    }

    Locale locale(Context ctx) {
        return locales.of(ctx.header("Accept-Language"));
    }
}
