package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.web.ConsoleClient.enc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.admin.Role;
import org.resumen.digest.testing.Deliveries;

/** The console's dashboard, edition, send and sources routes over real HTTP: roles, CSRF, headers, what was sent. */
class ConsoleHttpIT {

    /** Where the database is: H2 as the config says; {@code OnPostgresIT} subclasses run every test on PostgreSQL. */
    Map<String, String> environment() {
        return Map.of();
    }
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String EDITION = "/admin/editions/" + WebWorld.FIRST;

    @TempDir
    Path dir;

    private WebWorld world;

    @BeforeEach
    void start() {
        world = new WebWorld(dir, greenMail, environment());
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void anEditorCannotSendToEveryoneNorRetryAndDoesNotSeeTheButtons() throws Exception {
        world.syncAndIngest();
        ConsoleClient editor = ConsoleClient.signedIn(world, "editora@example.org", Role.EDITOR);

        HttpResponse<String> page = editor.get(EDITION);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(WebWorld.ECONOMY_FIRST).doesNotContain("id=\"send-now\"", "id=\"retry\"");
        HttpResponse<String> confirm = editor.get(EDITION + "/send");
        HttpResponse<String> send = editor.post(EDITION + "/send", "");
        HttpResponse<String> retry = editor.post(EDITION + "/retry", "");

        assertThat(confirm.statusCode()).isEqualTo(403);
        assertThat(send.statusCode()).isEqualTo(403);
        assertThat(send.body()).contains("Esta acción es solo para el rol admin");
        assertThat(retry.statusCode()).isEqualTo(403);
        assertThat(world.app.sendJobs.progress(WebWorld.FIRST)).isEmpty();
        assertThat(Deliveries.byEmail(world.app)).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aSendNowPostedWithoutItsCsrfTokenIsRefusedAndSendsNothing() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(world, "jefa@example.org", Role.ADMIN);

        HttpResponse<String> noToken = admin.postRaw(EDITION + "/send", "");
        HttpResponse<String> wrongToken = admin.postRaw(EDITION + "/send", "csrf=forjado");

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("El formulario llegó sin su código de seguridad");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(world.app.sendJobs.progress(WebWorld.FIRST)).isEmpty();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void anAdminsSendNowReachesEverySubscriberOnceAndTheProgressRouteSaysSo() throws Exception {
        ConsoleClient admin = ConsoleClient.signedIn(world, "jefa@example.org", Role.ADMIN);
        assertThat(admin.get(EDITION).body()).contains("id=\"send-now\"");
        assertThat(admin.get(EDITION + "/send").body()).contains("¿Enviar la edición del 2025-12-16?");

        HttpResponse<String> started = admin.post(EDITION + "/send", "");

        assertThat(started.statusCode()).isEqualTo(303);
        assertThat(started.headers().firstValue("Location")).hasValue(EDITION + "/progress");
        String end = awaitFinished(admin);
        assertThat(end).contains("\"percent\":100", "\"sent\":2", "\"failed\":0", "\"finished\":true");
        assertThat(world.messagesTo(WebWorld.ANA)).hasSize(1);
        assertThat(world.messagesTo(WebWorld.BETO)).hasSize(1);
        HttpResponse<String> log = admin.get(EDITION + "?status=sent");
        assertThat(log.body()).contains(WebWorld.ANA, WebWorld.BETO, "250");
    }

    @Test
    void anEditorsTestSendArrivesAndIsNotRecordedAsADelivery() throws Exception {
        ConsoleClient editor = ConsoleClient.signedIn(world, "editora@example.org", Role.EDITOR);

        HttpResponse<String> test = editor.post(EDITION + "/test", "to=" + enc("prueba@example.net"));
        HttpResponse<String> bad = editor.post(EDITION + "/test", "to=" + enc("prueba@@example.net"));

        assertThat(test.statusCode()).isEqualTo(200);
        assertThat(test.body()).contains("Listo: la prueba salió para prueba@example.net.");
        assertThat(world.messagesTo("prueba@example.net")).hasSize(1);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("«prueba@@example.net» no es una dirección de correo válida");
        assertThat(Deliveries.byEmail(world.app)).isEmpty();
    }

    @Test
    void onlyThePreviewMayBeFramedAndOnlyByThisSite() throws Exception {
        world.syncAndIngest();
        ConsoleClient editor = ConsoleClient.signedIn(world, "editora@example.org", Role.EDITOR);

        HttpResponse<String> page = editor.get(EDITION + "?subscriber=" + enc(WebWorld.ANA));
        HttpResponse<String> preview = editor.get(EDITION + "/preview?subscriber=" + enc(WebWorld.ANA));

        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'", "frame-src 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).contains("<iframe", "sandbox", "/preview?subscriber=ana%40example.org");
        assertThat(preview.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'self'")
                .doesNotContain("script-src");
        assertThat(preview.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(preview.body()).contains(WebWorld.ECONOMY_FIRST);
    }

    @Test
    void theDashboardShowsTheNextEditionInTheNewslettersZoneAndTheSourcesPageIngestsNow() throws Exception {
        ConsoleClient editor = ConsoleClient.signedIn(world, "editora@example.org", Role.EDITOR);

        HttpResponse<String> dashboard = editor.get("/admin");
        assertThat(dashboard.body()).contains("2025-12-17 07:00", "America/Argentina/Buenos_Aires", "Redacción", "nunca");

        HttpResponse<String> ingest = editor.post("/admin/sources/ingest", "");
        assertThat(ingest.statusCode()).isEqualTo(303);
        HttpResponse<String> sources = editor.get(ingest.headers().firstValue("Location").orElseThrow());
        assertThat(sources.body()).contains("Listo: 3 notas nuevas; 0 fuentes fallaron.", "2025-12-16 07:00")
                .doesNotContain("nunca");
    }

    // Polls as the progress page's script does; the deadline only keeps a hung send from hanging the build.
    private String awaitFinished(ConsoleClient client) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            String json = client.get(EDITION + "/progress.json").body();
            if (json.contains("\"finished\":true")) {
                return json;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the send did not finish");
    }
}
