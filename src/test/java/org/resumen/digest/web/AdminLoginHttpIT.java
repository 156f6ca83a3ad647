package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.Passwords;
import org.resumen.digest.admin.Role;

/** The console's sign-in over real HTTP, cookies handled by hand: flags, CSRF, throttling, the setup link. */
class AdminLoginHttpIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String EDITOR = "editora@example.org";
    static final String PASSWORD = "una-clave-larga-ñandú";

    @TempDir
    Path dir;

    private WebWorld world;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        world = new WebWorld(dir, greenMail);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void theSetupLinkCreatesTheFirstAdminOnceAndSignsThemIn() throws Exception {
        String link = world.server.firstAdminLink().orElseThrow();
        String path = link.substring(world.server.url().length());
        HttpResponse<String> form = get(path, null);
        String cookie = cookieOf(form, AdminPages.LOGIN_COOKIE);

        HttpResponse<String> created = post(path, cookie, "csrf=" + csrf(form.body()) + "&email=" + enc("Jefa@Example.org")
                + "&password=" + enc(PASSWORD) + "&again=" + enc(PASSWORD));

        assertThat(created.statusCode()).isEqualTo(303);
        String session = created.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(session).startsWith(AdminPages.SESSION_COOKIE + "=").contains("HttpOnly", "SameSite=Lax", "Secure", "Path=/admin");
        HttpResponse<String> home = get("/admin", session.substring(0, session.indexOf(';')));
        assertThat(home.body()).contains("Entraste como jefa@example.org (rol: admin).");
        assertThat(get(path, null).statusCode()).as("spent").isEqualTo(404);
        assertThat(world.server.firstAdminLink()).as("an admin exists now").isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedAndAfterFiveFailuresEvenTheRightOneWaitsAMinute() throws Exception {
        admins().add(EDITOR, PASSWORD, Role.EDITOR);
        for (int i = 0; i < AdminPages.FAILURES_PER_MINUTE; i++) {
            HttpResponse<String> wrong = login(EDITOR, "no-es-la-clave");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("Correo o contraseña incorrectos.");
        }
        HttpResponse<String> throttled = login(EDITOR, PASSWORD);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.body()).contains("Demasiados intentos fallidos. Esperá un minuto y probá de nuevo.");

        world.later(Duration.ofSeconds(61));
        HttpResponse<String> ok = login(EDITOR, PASSWORD);
        assertThat(ok.statusCode()).isEqualTo(303);
        assertThat(ok.headers().firstValue("Location")).hasValue("/admin");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() throws Exception {
        admins().add(EDITOR, PASSWORD, Role.EDITOR);
        HttpResponse<String> noToken = post("/admin/login", null, "email=" + enc(EDITOR) + "&password=" + enc(PASSWORD));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("El formulario llegó sin su código de seguridad");
        assertThat(noToken.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith(AdminPages.SESSION_COOKIE + "="));

        String session = sessionCookie(login(EDITOR, PASSWORD));
        HttpResponse<String> logout = post("/admin/logout", session, "");
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(get("/admin", session).statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void theConsoleNeedsASessionAndSignOutEndsIt() throws Exception {
        assertThat(get("/admin", null).headers().firstValue("Location")).hasValue("/admin/login");
        admins().add(EDITOR, PASSWORD, Role.EDITOR);
        String session = sessionCookie(login(EDITOR, PASSWORD));
        HttpResponse<String> home = get("/admin", session);
        assertThat(home.body()).contains("Entraste como editora@example.org (rol: editor).");

        assertThat(post("/admin/logout", session, "csrf=" + csrf(home.body())).statusCode()).isEqualTo(303);
        assertThat(get("/admin", session).statusCode()).isEqualTo(303);
    }

    private Admins admins() {
        return new Admins(world.app.database.dataSource(), new Passwords(), world.app.clock);
    }

    private HttpResponse<String> login(String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/admin/login", null);
        return post("/admin/login", cookieOf(form, AdminPages.LOGIN_COOKIE),
                "csrf=" + csrf(form.body()) + "&email=" + enc(email) + "&password=" + enc(password));
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return cookieOf(response, AdminPages.SESSION_COOKIE);
    }

    private static String cookieOf(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf field");
        }
        return m.group(1);
    }

    private HttpResponse<String> post(String path, String cookie, String form) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "es")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.server.url() + path)).header("Accept-Language", "es");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
