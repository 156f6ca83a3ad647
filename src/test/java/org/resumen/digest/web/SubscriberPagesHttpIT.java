package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.subscriber.Subscriber.Status;

/**
 * The subscriber pages over real HTTP, the way a mailbox provider or curl reaches them: links taken
 * from the digests GreenMail received, no cookies, no redirects followed.
 */
class SubscriberPagesHttpIT {

    /** Where the database is: H2 as the config says; {@code OnPostgresIT} subclasses run every test on PostgreSQL. */
    Map<String, String> environment() {
        return Map.of();
    }
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private WebWorld world;
    // Like a mailbox provider's one-click POST: no cookie store, never follows a redirect.
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void sendTheFirstEdition() {
        world = new WebWorld(dir, greenMail, environment());
        assertThat(world.sendFirst().sent()).isEqualTo(2);
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void theOneClickPostOfRfc8058UnsubscribesAtOnceWithoutCookiesOrRedirectAndAgainChangesNothing() throws Exception {
        String url = world.listUnsubscribe(WebWorld.ANA);

        HttpResponse<String> first = post(url, "List-Unsubscribe=One-Click");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Location")).isEmpty();
        assertThat(first.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(first.body()).contains("Baja confirmada", "a***@example.org");
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.UNSUBSCRIBED);

        HttpResponse<String> again = post(url, "List-Unsubscribe=One-Click");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.UNSUBSCRIBED);
        assertThat(world.subscriber(WebWorld.BETO).status()).isEqualTo(Status.ACTIVE);

        world.sendSecond();
        assertThat(world.messagesTo(WebWorld.ANA)).hasSize(1);
        assertThat(world.messagesTo(WebWorld.BETO)).hasSize(2);
    }

    @Test
    void theConfirmationPageOffersToResubscribeAndThatBringsTheReaderBack() throws Exception {
        HttpResponse<String> confirmation = post(world.listUnsubscribe(WebWorld.ANA), "List-Unsubscribe=One-Click");
        String resubscribe = confirmation.body().replaceAll("(?s).*<form method=\"post\" action=\"([^\"]+)\">.*", "$1");
        assertThat(resubscribe).startsWith("/preferences/");

        HttpResponse<String> back = post(world.server.url() + resubscribe, "action=resubscribe");

        assertThat(back.statusCode()).isEqualTo(303);
        assertThat(back.headers().firstValue("Location")).hasValue(resubscribe + "?done=resubscribed");
        assertThat(get(world.server.url() + resubscribe + "?done=resubscribed", "es").body())
                .contains("Volviste a suscribirte: recibirás la próxima edición.");
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aPreferencesFormWithATopicNotOfferedIsRefusedNamingTheFieldAndSavesNothing() throws Exception {
        String url = world.linkInMail(WebWorld.BETO, "preferences");

        HttpResponse<String> refused = post(url, "action=save&topic=Econom%C3%ADa&topic=Hor%C3%B3scopo&language=en");
        HttpResponse<String> badLanguage = post(url, "action=save&language=fr");
        HttpResponse<String> badZone = post(url, "action=save&timezone=Marte%2FOlimpo");
        HttpResponse<String> badPause = post(url, "action=save&pause=3");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Tema: elegí temas de la lista.");
        assertThat(badLanguage.body()).contains("Idioma: elegí uno de la lista.");
        assertThat(badZone.body()).contains("Zona horaria: elegí una de la lista.");
        assertThat(badPause.body()).contains("Pausa: elegí 1, 2 o 4 semanas.");
        assertThat(world.subscriber(WebWorld.BETO).topics()).isEmpty();
        assertThat(world.subscriber(WebWorld.BETO).locale()).hasToString("es");
    }

    @Test
    void aGetOfTheUnsubscribeLinkOnlyShowsTheButtonAndChangesNothing() throws Exception {
        String url = world.linkInMail(WebWorld.ANA, "unsubscribe");

        HttpResponse<String> page = get(url, "es");
        HttpResponse<String> twice = get(url, "es");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(twice.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"es-AR\"", "<button type=\"submit\" id=\"unsubscribe\"",
                "¿Dejamos de enviar Resumen Político a a***@example.org?");
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void forgedTruncatedAndOtherPurposeTokensGetTheSameNotFoundPageAndChangeNothing() throws Exception {
        String unsubscribe = world.linkInMail(WebWorld.ANA, "unsubscribe");
        String token = unsubscribe.substring(unsubscribe.lastIndexOf('/') + 1);
        String preferencesToken = lastSegment(world.linkInMail(WebWorld.ANA, "preferences"));
        String webVersionToken = lastSegment(world.linkInMail(WebWorld.ANA, "editions"));
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        String base = world.server.url() + "/unsubscribe/";
        String unknownPath = get(world.server.url() + "/no/such/page", null).body();

        for (String bad : new String[] {forged, token.substring(0, token.length() - 1), preferencesToken, webVersionToken}) {
            HttpResponse<String> posted = post(base + bad, "List-Unsubscribe=One-Click");
            HttpResponse<String> shown = get(base + bad, "es");
            assertThat(posted.statusCode()).as(bad).isEqualTo(404);
            assertThat(shown.statusCode()).as(bad).isEqualTo(404);
            assertThat(posted.body()).as(bad).isEqualTo(unknownPath).contains("No encontramos esta página");
        }
        assertThat(post(world.server.url() + "/preferences/" + token, "action=unsubscribe").statusCode()).isEqualTo(404);
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.ACTIVE);
        assertThat(world.subscriber(WebWorld.BETO).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void theWebVersionLinkShowsThatDigestWithTheSameLinksAsTheMail() throws Exception {
        String url = world.linkInMail(WebWorld.BETO, "editions");

        HttpResponse<String> page = get(url, "en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("frame-ancestors 'none'").doesNotContain("script"));
        assertThat(page.body()).contains(WebWorld.ECONOMY_FIRST, "Hola, Beto Ibáñez:",
                WebWorld.BASE_URL + url.substring(world.server.url().length()),
                world.latestHtml(WebWorld.BETO).split("/unsubscribe/")[1].substring(0, 32));
        assertThat(get(url.replace("2025-12-16", "2025-12-15"), "es").statusCode()).isEqualTo(404);
        assertThat(get(url.replace("2025-12-16", "ayer"), "es").statusCode()).isEqualTo(404);
    }

    @Test
    void everyResponseCarriesTheSecurityHeadersAndPagesFollowAcceptLanguageWithoutAToken() throws Exception {
        HttpResponse<String> english = get(world.server.url() + "/unsubscribe/nothing", "en-GB,en;q=0.8");
        HttpResponse<String> spanish = get(world.server.url() + "/unsubscribe/nothing", "fr, es;q=0.5");
        HttpResponse<String> health = get(world.server.url() + "/health", "en");

        assertThat(english.body()).contains("<html lang=\"en-GB\"", "We cannot find this page");
        assertThat(spanish.body()).contains("<html lang=\"es\"", "No encontramos esta página");
        for (HttpResponse<String> response : java.util.List.of(english, spanish, health)) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'").doesNotContain("script-src"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
        assertThat(health.body()).isEqualTo("{\"status\":\"up\"}");
        assertThat(get(world.server.url() + "/ready", "en").body()).isEqualTo("{\"status\":\"ready\"}");
        assertThat(get(world.server.url() + "/assets/site.css", "en").headers().firstValue("Content-Type"))
                .hasValue("text/css; charset=utf-8");
        assertThat(get(world.server.url() + "/assets/..%2Fpreferences.html", "en").statusCode()).isEqualTo(404);
    }

    @Test
    void theArchiveListsTheSentEditionWithEveryTopicNoPersonalLinkAndAnAtomFeed() throws Exception {
        HttpResponse<String> list = get(world.server.url() + "/archive", "en");
        HttpResponse<String> edition = get(world.server.url() + "/archive/2025-12-16", "es");
        HttpResponse<String> feed = get(world.server.url() + "/archive.atom", "es");

        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<html lang=\"en\"", "Past editions", "href=\"/archive/2025-12-16\"",
                "December 16, 2025", "3 stories");
        assertThat(edition.statusCode()).isEqualTo(200);
        assertThat(edition.body()).contains(WebWorld.ECONOMY_FIRST, "Gobernadores del norte reclaman fondos para rutas",
                "La selección femenina ganó la Copa América de vóley", "16 de diciembre de 2025")
                .doesNotContain("/unsubscribe/").doesNotContain("/preferences/").doesNotContain("/editions/");
        assertThat(feed.headers().firstValue("Content-Type")).hasValue("application/atom+xml; charset=utf-8");
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"",
                "<link rel=\"alternate\" href=\"" + WebWorld.BASE_URL + "/archive/2025-12-16\"", WebWorld.ECONOMY_FIRST);
        assertThat(get(world.server.url() + "/archive/2025-12-15", "es").statusCode()).isEqualTo(404);
        assertThat(get(world.server.url() + "/archive/ayer", "es").statusCode()).isEqualTo(404);
    }

    @Test
    void aRequestBodyOverTheCapIsRefusedAndChangesNothing() throws Exception {
        String url = world.listUnsubscribe(WebWorld.ANA);

        // The server answers 413 and closes the connection; a client still writing the body may see
        // only the close (a reset) instead of the answer: either way the request is refused.
        Integer status;
        try {
            status = post(url, "List-Unsubscribe=One-Click&x=" + "a".repeat(SecurityHeaders.MAX_BODY_BYTES)).statusCode();
        } catch (IOException closedWhileSending) {
            status = null;
        }

        assertThat(status).isIn(413, null);
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.ACTIVE);
        assertThat(post(url, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url, String acceptLanguage) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String lastSegment(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
