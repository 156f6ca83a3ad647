package org.resumen.digest.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.resumen.digest.RefusedException;
import org.resumen.digest.admin.Admin;
import org.resumen.digest.admin.AdminSessions;
import org.resumen.digest.admin.AdminSessions.Session;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.FirstAdminSetup;

/**
 * {@code /admin}: sign-in, sign-out, the first admin's setup link and the guard in front of every
 * console page. The session cookie is HttpOnly, SameSite=Lax, and Secure when base-url is https;
 * every POST under /admin carries a CSRF token (the session's, or before sign-in the one of a
 * short-lived cookie); five failed sign-ins a minute per account or per IP stop further tries.
 */
final class AdminPages {
    static final String SESSION_COOKIE = "digest_admin";
    static final String LOGIN_COOKIE = "digest_login";
    static final int FAILURES_PER_MINUTE = 5;
    /** The request attribute holding the signed-in session for the console's pages. */
    static final String SESSION = "digest.admin-session";

    private final Admins admins;
    private final AdminSessions sessions;
    private final FirstAdminSetup setup;
    private final PageLocale locales;
    private final Pages pages;
    private final boolean secure;
    private final Throttle failuresPerAccount;
    private final Throttle failuresPerIp;

    AdminPages(Admins admins, AdminSessions sessions, FirstAdminSetup setup, PageLocale locales, Pages pages, boolean secure,
               Clock clock) {
        this.admins = admins;
        this.sessions = sessions;
        this.setup = setup;
        this.locales = locales;
        this.pages = pages;
        this.secure = secure;
        this.failuresPerAccount = new Throttle(FAILURES_PER_MINUTE, Duration.ofMinutes(1), clock);
        this.failuresPerIp = new Throttle(FAILURES_PER_MINUTE, Duration.ofMinutes(1), clock);
    }

    /** Before every /admin page: the session for the console, and the CSRF token of every POST. */
    void guard(Context ctx) {
        String path = ctx.path();
        boolean open = path.equals("/admin/login") || path.startsWith("/admin/setup/");
        Optional<Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (ctx.method().name().equals("POST")) {
            String expected = open ? ctx.cookie(LOGIN_COOKIE) : session.map(Session::csrf).orElse(null);
            if (!AdminSessions.same(ctx.formParam("csrf"), expected)) {
                refuse(ctx, 403, "web.admin.refused.csrf");
                return;
            }
        }
        if (open) {
            return;
        }
        if (session.isEmpty()) {
            ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION, session.get());
    }

    void loginForm(Context ctx) {
        showLogin(ctx, 200, null, "");
    }

    void login(Context ctx) {
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim().toLowerCase(Locale.ROOT);
        if (failuresPerAccount.blocked(email) || failuresPerIp.blocked(ctx.ip())) {
            showLogin(ctx, 429, "web.admin.login.throttled", email);
            return;
        }
        Optional<Admin> admin = admins.authenticate(email, ctx.formParam("password"));
        if (admin.isEmpty()) {
            failuresPerAccount.record(email);
            failuresPerIp.record(ctx.ip());
            showLogin(ctx, 401, "web.admin.login.wrong", email);
            return;
        }
        failuresPerAccount.clear(email);
        signIn(ctx, admin.get());
    }

    void logout(Context ctx) {
        sessions.end(ctx.cookie(SESSION_COOKIE));
        ctx.header("Set-Cookie", cookie(SESSION_COOKIE, "", 0));
        ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
    }

    void setupForm(Context ctx) {
        if (!setup.accepts(ctx.pathParam("token"))) {
            throw new NoSuchPage("setup link not valid");
        }
        showSetup(ctx, 200, null, "");
    }

    void createFirst(Context ctx) {
        if (!setup.accepts(ctx.pathParam("token"))) {
            throw new NoSuchPage("setup link not valid");
        }
        String email = Optional.ofNullable(ctx.formParam("email")).orElse("").trim();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        if (!password.equals(ctx.formParam("again"))) {
            showSetup(ctx, 400, "web.admin.setup.differ", email);
            return;
        }
        try {
            signIn(ctx, setup.create(ctx.pathParam("token"), email, password));
        } catch (RefusedException refused) {
            showSetup(ctx, 400, "web.admin.setup.weak".equals(refused.key()) ? "web.admin.setup.weak" : "web.subscribe.invalid.email", email);
        }
    }

    private void signIn(Context ctx, Admin admin) {
        Session session = sessions.start(admin);
        ctx.header("Set-Cookie", cookie(SESSION_COOKIE, session.id(), AdminSessions.LIFETIME.toSeconds()));
        ctx.redirect("/admin", HttpStatus.SEE_OTHER);
    }

    private void showLogin(Context ctx, int status, String errorKey, String email) {
        Map<String, Object> model = new HashMap<>();
        model.put("email", email);
        model.put("csrf", loginToken(ctx));
        model.put("errorKey", errorKey);
        pages.show(ctx, status, "admin-login", locale(ctx), model);
    }

    private void showSetup(Context ctx, int status, String errorKey, String email) {
        Map<String, Object> model = new HashMap<>();
        model.put("action", "/admin/setup/" + ctx.pathParam("token"));
        model.put("email", email);
        model.put("csrf", loginToken(ctx));
        model.put("errorKey", errorKey);
        pages.show(ctx, status, "admin-setup", locale(ctx), model);
    }

    // Before sign-in there is no session to hold the CSRF token: a cookie holds it (double submit).
    private String loginToken(Context ctx) {
        String current = ctx.cookie(LOGIN_COOKIE);
        if (current != null && current.length() == 43) {
            return current;
        }
        String token = AdminSessions.randomToken();
        ctx.header("Set-Cookie", cookie(LOGIN_COOKIE, token, Duration.ofHours(1).toSeconds()));
        return token;
    }

    private void refuse(Context ctx, int status, String messageKey) {
        pages.show(ctx, status, "admin-refused", locale(ctx), Map.of("errorKey", messageKey));
        ctx.skipRemainingHandlers();
    }

    private String cookie(String name, String value, long maxAgeSeconds) {
        return name + "=" + value + "; Path=/admin; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }

    private Locale locale(Context ctx) {
        return locales.of(ctx.header("Accept-Language"));
    }
}
