package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * Sign-up with double opt-in over real HTTP: the mail GreenMail receives, what the page says for a
 * new, a known and a bot's address, the rate limits, and expired or forged confirmation links.
 */
class SignUpHttpIT {

    /** Where the database is: H2 as the config says; {@code OnPostgresIT} subclasses run every test on PostgreSQL. */
    Map<String, String> environment() {
        return Map.of();
    }
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String CARLA = "carla@example.net";

    @TempDir
    Path dir;

    private WebWorld world;
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
    void theSignUpFormHasEveryFieldLabelledAndTheTopicsOfTheLastEditions() throws Exception {
        HttpResponse<String> page = get("/subscribe", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Subscribe</h1>", "<label for=\"email\">Email address</label>",
                "value=\"Economía\"", "name=\"website\"");
    }

    @Test
    void aSignUpSendsAConfirmationMailAndStaysPendingUntilItsLinkIsConfirmed() throws Exception {
        HttpResponse<String> answer = signUp(CARLA, "Carla Peña", "es", "");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Revisá tu correo", "Si carla@example.net puede recibir el boletín");
        world.awaitMessages(3);

        MimeMessage confirmation = world.messagesTo(CARLA).get(0);
        assertThat(confirmation.getSubject()).isEqualTo("Confirmá tu suscripción a Resumen Político");
        assertThat(confirmation.getHeader("List-Unsubscribe")).as("not list mail").isNull();
        assertThat(world.subscriber(CARLA).status()).isEqualTo(Status.PENDING);
        String link = world.linkInMail(CARLA, "confirm");

        HttpResponse<String> opened = get(link.substring(world.server.url().length()), "es");
        assertThat(opened.body()).contains("¿Enviamos Resumen Político a carla@example.net?");
        assertThat(world.subscriber(CARLA).status()).as("a GET (a mail scanner) confirms nothing").isEqualTo(Status.PENDING);

        world.sendSecond();
        assertThat(world.messagesTo(CARLA)).as("unconfirmed: no digest").hasSize(1);

        HttpResponse<String> confirmed = post(link, "");
        assertThat(confirmed.statusCode()).isEqualTo(200);
        assertThat(confirmed.body()).contains("Suscripción confirmada");
        assertThat(world.subscriber(CARLA).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aKnownAddressGetsTheSamePageAsANewOneAndNoMail() throws Exception {
        HttpResponse<String> known = signUp(WebWorld.ANA, "", "es", "");
        HttpResponse<String> fresh = signUp(CARLA, "", "es", "");
        assertThat(known.statusCode()).isEqualTo(fresh.statusCode());
        assertThat(known.body().replace(WebWorld.ANA, "X")).isEqualTo(fresh.body().replace(CARLA, "X"));
        world.awaitMessages(3);
        assertThat(world.messagesTo(WebWorld.ANA)).as("only the first edition").hasSize(1);
        assertThat(world.subscriber(WebWorld.ANA).status()).isEqualTo(Status.ACTIVE);
    }

    @Test
    void aFilledHoneypotGetsTheUsualPageAndNothingIsRecordedOrSent() throws Exception {
        HttpResponse<String> answer = signUp(CARLA, "", "es", "&website=" + enc("https://spam.example"));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Revisá tu correo");
        assertThat(world.app.subscribers.byEmail(CARLA)).isEmpty();
        assertThat(world.messagesTo(CARLA)).isEmpty();
    }

    @Test
    void aBadAddressIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> answer = signUp("carla@@example", "", "es", "");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Correo electrónico: escribí una dirección como nombre@dominio.");
        assertThat(world.app.subscribers.all()).hasSize(2);
    }

    @Test
    void oneAddressGetsAtMostThreeConfirmationMailsADayAndOneConnectionTenSignUpsAnHour() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(signUp(CARLA, "", "es", "").statusCode()).isEqualTo(200);
        }
        world.awaitMessages(2 + SignUpPages.MAILS_PER_ADDRESS);
        assertThat(world.messagesTo(CARLA)).hasSize(SignUpPages.MAILS_PER_ADDRESS);

        for (int i = 0; i < SignUpPages.SIGN_UPS_PER_IP - 5; i++) {
            assertThat(signUp("otra" + i + "@example.net", "", "es", "").statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = signUp("una.mas@example.net", "", "es", "");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).contains("Demasiados pedidos");
        assertThat(world.app.subscribers.byEmail("una.mas@example.net")).isEmpty();

        world.later(Duration.ofMinutes(61));
        assertThat(signUp("una.mas@example.net", "", "es", "").statusCode()).isEqualTo(200);
    }

    @Test
    void aConfirmationLinkOlderThan72HoursIsRefusedWithAPageSayingSo() throws Exception {
        signUp(CARLA, "", "en", "");
        world.awaitMessages(3);
        String link = world.linkInMail(CARLA, "confirm");
        world.later(Duration.ofHours(72).plusMinutes(1));

        HttpResponse<String> opened = get(link.substring(world.server.url().length()), "en");
        assertThat(opened.statusCode()).isEqualTo(410);
        assertThat(opened.body()).contains("This link no longer works", "Confirmation links are valid for 72 hours");
        assertThat(post(link, "").statusCode()).isEqualTo(410);
        assertThat(world.subscriber(CARLA).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void aForgedOrTruncatedConfirmationTokenIsTheUsualNotFoundPage() throws Exception {
        signUp(CARLA, "", "es", "");
        world.awaitMessages(3);
        String link = world.linkInMail(CARLA, "confirm");
        String forged = link.substring(0, link.length() - 2) + (link.endsWith("AA") ? "BB" : "AA");

        assertThat(post(forged, "").statusCode()).isEqualTo(404);
        assertThat(post(link.substring(0, link.length() - 1), "").statusCode()).isEqualTo(404);
        String unsubscribeToken = world.listUnsubscribe(WebWorld.ANA).replaceAll(".*/", "");
        assertThat(post(world.server.url() + "/confirm/" + unsubscribeToken, "").statusCode()).isEqualTo(404);
        assertThat(world.subscriber(CARLA).status()).isEqualTo(Status.PENDING);
    }

    @Test
    void theFileSyncNeverRemovesAWebSubscriberAndNeverOverridesAnUnsubscribe() throws Exception {
        signUp(CARLA, "", "es", "");
        world.awaitMessages(3);
        post(world.linkInMail(CARLA, "confirm"), "");
        Files.writeString(dir.resolve("subscribers/main.csv"), "email,name,locale,topics\n" + WebWorld.BETO + ",Beto,es,\n");

        world.sendSecond();

        assertThat(world.subscriber(WebWorld.ANA).status()).as("a file subscriber no longer listed").isEqualTo(Status.REMOVED);
        assertThat(world.subscriber(CARLA).status()).as("signed up on the web").isEqualTo(Status.ACTIVE);
        assertThat(world.messagesTo(CARLA)).hasSize(2);
        assertThat(world.latestHtml(CARLA)).contains(WebWorld.ECONOMY_SECOND);
    }

    private HttpResponse<String> signUp(String email, String name, String language, String extra)
            throws IOException, InterruptedException {
        return post(world.server.url() + "/subscribe", "email=" + enc(email) + "&name=" + enc(name) + "&language=" + language
                + "&website=" + extra.replaceFirst("^&website=", ""));
    }

    private HttpResponse<String> post(String url, String form) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String acceptLanguage) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(world.server.url() + path)).header("Accept-Language", acceptLanguage)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
