package org.resumen.digest.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.resumen.digest.RefusedException;
import org.resumen.digest.admin.Admin;
import org.resumen.digest.admin.AdminSessions;
import org.resumen.digest.admin.AdminSessions.Session;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.ApiTokens;
import org.resumen.digest.admin.Role;

/**
 * {@code /admin/admins} and {@code /admin/tokens} (admin role): the accounts of the console (add
 * with a role and a password, remove: never yourself, never the last admin) and the API's bearer
 * tokens (create: the value is shown on the answer page only; revoke).
 */
final class AdminAccountPages {
    private final Admins admins;
    private final AdminSessions sessions;
    private final ApiTokens tokens;
    private final AdminOnly access;
    private final ZoneId zone;

    AdminAccountPages(Admins admins, AdminSessions sessions, ApiTokens tokens, AdminOnly access, ZoneId zone) {
        this.admins = admins;
        this.sessions = sessions;
        this.tokens = tokens;
        this.access = access;
        this.zone = zone;
    }

    /** An account as listed; {@code self} has no remove button. */
    record AccountLine(String email, String role, boolean self) {
    }

    /** A token as listed: never its value. */
    record TokenLine(long id, String name, String created, String revoked) {
    }

    void admins(Context ctx) {
        Session session = access.session(ctx);
        if (session != null) {
            showAdmins(ctx, session, 200, Map.of());
        }
    }

    void addAdmin(Context ctx) {
        Session session = access.session(ctx);
        if (session == null) {
            return;
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
        Role role = "admin".equals(ctx.formParam("role")) ? Role.ADMIN : Role.EDITOR;
        try {
            Admin added = admins.add(email, Optional.ofNullable(ctx.formParam("password")).orElse(""), role);
            showAdmins(ctx, session, 200, Map.of("notice", added.email()));
        } catch (RefusedException refused) {
            Map<String, Object> shown = problem(refused);
            shown.put("email", email);
            showAdmins(ctx, session, 400, shown);
        }
    }

    void removeAdmin(Context ctx) {
        Session session = access.session(ctx);
        if (session == null) {
            return;
        }
        try {
            Admin removed = admins.removeBy(session.admin(), ctx.formParam("email"));
            sessions.endAll(removed.id());
            ctx.redirect("/admin/admins", HttpStatus.SEE_OTHER);
        } catch (RefusedException refused) {
            showAdmins(ctx, session, 400, problem(refused));
        }
    }

    void tokens(Context ctx) {
        Session session = access.session(ctx);
        if (session != null) {
            showTokens(ctx, session, 200, Map.of());
        }
    }

    void createToken(Context ctx) {
        Session session = access.session(ctx);
        if (session == null) {
            return;
        }
        try {
            ApiTokens.Created created = tokens.create(ctx.formParam("name"));
            showTokens(ctx, session, 200, Map.of("created", created.token(), "createdName", created.listed().name()));
        } catch (RefusedException refused) {
            showTokens(ctx, session, 400, problem(refused));
        }
    }

    void revokeToken(Context ctx) {
        if (access.session(ctx) == null) {
            return;
        }
        try {
            tokens.revoke(Long.parseLong(Optional.ofNullable(ctx.formParam("id")).orElse("").trim()));
        } catch (NumberFormatException e) {
            throw new NoSuchPage("no such token");
        }
        ctx.redirect("/admin/tokens", HttpStatus.SEE_OTHER);
    }

    /** A refusal as the page shows it: its message in the page's language, or the operator's line when it has no key. */
    private static Map<String, Object> problem(RefusedException refused) {
        Map<String, Object> shown = new java.util.HashMap<>();
        if (refused.key() != null) {
            shown.put("problemKey", refused.key());
            shown.put("problemArgs", refused.args());
        } else {
            shown.put("problem", refused.getMessage());
        }
        return shown;
    }

    private void showAdmins(Context ctx, Session session, int status, Map<String, Object> extra) {
        Map<String, Object> model = access.model(ctx, "admins");
        model.put("email", "");
        model.putAll(extra);
        model.put("accounts", admins.list().stream()
                .map(a -> new AccountLine(a.email(), a.role().name().toLowerCase(Locale.ROOT), a.id() == session.admin().id()))
                .toList());
        access.show(ctx, status, "admin-admins", model);
    }

    private void showTokens(Context ctx, Session session, int status, Map<String, Object> extra) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(access.locale(ctx)).withZone(zone);
        Map<String, Object> model = access.model(ctx, "tokens");
        model.putAll(extra);
        model.put("tokens", tokens.list().stream().map(t -> new TokenLine(t.id(), t.name(), format.format(t.createdAt()),
                t.revoked() ? format.format(t.revokedAt()) : null)).toList());
        access.show(ctx, status, "admin-tokens", model);
    }
}
