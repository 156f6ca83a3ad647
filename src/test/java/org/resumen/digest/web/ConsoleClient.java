package org.resumen.digest.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resumen.digest.admin.Admins;
import org.resumen.digest.admin.Passwords;
import org.resumen.digest.admin.Role;

/** One signed-in console account over real HTTP: its session cookie, and the CSRF token its pages carry. */
final class ConsoleClient {
    static final String PASSWORD = "una-clave-larga-ñandú";

    private final WebWorld world;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private String session;
    private String csrf;

    private ConsoleClient(WebWorld world) {
        this.world = world;
    }

    /** Creates the account {@code email} with {@code role} and signs it in. */
    static ConsoleClient signedIn(WebWorld world, String email, Role role) throws IOException, InterruptedException {
        new Admins(world.app.database.dataSource(), new Passwords(), world.app.clock).add(email, PASSWORD, role);
        ConsoleClient client = new ConsoleClient(world);
        HttpResponse<String> form = client.send(get("/admin/login", client.world), null);
        String loginCookie = cookie(form, AdminPages.LOGIN_COOKIE);
        HttpResponse<String> in = client.send(post(client.world, "/admin/login", "csrf=" + csrfIn(form.body())
                + "&email=" + enc(email) + "&password=" + enc(PASSWORD)), loginCookie);
        client.session = cookie(in, AdminPages.SESSION_COOKIE);
        client.csrf = csrfIn(client.get("/admin").body());
        return client;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(get(path, world), session);
    }

    /** Posts {@code form} with the session's CSRF token. */
    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return postRaw(path, "csrf=" + csrf + (form.isEmpty() ? "" : "&" + form));
    }

    /** Posts {@code form} exactly as given: without a CSRF token unless it has one. */
    HttpResponse<String> postRaw(String path, String form) throws IOException, InterruptedException {
        return send(post(world, path, form), session);
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String cookie) throws IOException, InterruptedException {
        request.header("Accept-Language", "es");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder get(String path, WebWorld world) {
        return HttpRequest.newBuilder(URI.create(world.server.url() + path)).GET();
    }

    private static HttpRequest.Builder post(WebWorld world, String path, String form) {
        return HttpRequest.newBuilder(URI.create(world.server.url() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private static String csrfIn(String html) {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!m.find()) {
            throw new AssertionError("no csrf field");
        }
        return m.group(1);
    }
}
