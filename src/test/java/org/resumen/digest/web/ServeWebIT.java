package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.cli.DigestCommand;

/** {@code digest serve} starts the web server next to the scheduler, prints its URL and stops it on exit. */
class ServeWebIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servePrintsTheWebAddressAnswersOnItWhileRunningAndClosesItOnExit() throws Exception {
        int port = freePort();
        ZonedDateTime fireAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        Path config = config(fireAt.getSecond() + " " + fireAt.getMinute() + " " + fireAt.getHour() + " * * ?", port);
        StringWriter out = new StringWriter();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Integer> serve = thread.submit(() -> DigestCommand.commandLine(Clock.systemUTC(), new PrintWriter(out, true),
                new PrintWriter(out, true)).execute("serve", "--exit-after", "1", "--config", config.toString()));

        String banner = "Web pages at http://127.0.0.1:" + port + "/ (links in mail use https://resumen.example.net)";
        while (!out.toString().contains(banner) && !serve.isDone()) {
            Thread.sleep(50);
        }
        assertThat(out.toString()).contains(banner);
        HttpResponse<String> health = get("http://127.0.0.1:" + port + "/health");
        HttpResponse<String> forged = get("http://127.0.0.1:" + port + "/unsubscribe/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(serve.get(60, TimeUnit.SECONDS)).as(out.toString()).isZero();
        thread.shutdown();
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(404);
        assertThat(forged.body()).contains("No encontramos esta página");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        try {
            get("http://127.0.0.1:" + port + "/health");
            throw new AssertionError("the web server still answers after serve returned");
        } catch (ConnectException expected) {
            // closed with the rest of serve
        }
    }

    @Test
    void aWebPortInUseStopsServeWithAMessageNamingTheKey() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Path config = config("0 0 7 * * ?", taken.getLocalPort());
            StringWriter out = new StringWriter();

            int exit = DigestCommand.commandLine(Clock.systemUTC(), new PrintWriter(out, true), new PrintWriter(out, true))
                    .execute("serve", "--config", config.toString());

            assertThat(exit).isEqualTo(1);
            assertThat(out.toString()).contains("digest: web: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + " (web.bind, web.port): ").contains("; choose another web.port, or 0 for no web server");
        }
    }

    private Path config(String cron, int webPort) throws IOException {
        Files.createDirectories(dir.resolve("articles"));
        Files.writeString(dir.resolve("articles/nota.md"), """
                ---
                title: "El Concejo aprobó la tasa vial"
                url: https://resumen.example.net/notas/tasa
                published: %s
                source: Redacción
                section: Política
                ---

                Votación ajustada en Villa Ñandú.
                """.formatted(ZonedDateTime.now(ZoneOffset.UTC).minusHours(1).toOffsetDateTime()), StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("subscribers"));
        Files.writeString(dir.resolve("subscribers/main.csv"), "email,name,locale,topics\ncarla@example.org,Carla,es,\n");
        return Files.writeString(dir.resolve("digest.yml"), """
                newsletter: { timezone: UTC, schedule: "%s", base-url: "https://resumen.example.net" }
                sources:
                  - { name: "Redacción", directory: "%s" }
                subscribers: "%s"
                templates: "%s"
                smtp: { host: 127.0.0.1, port: %d }
                database: { url: "jdbc:h2:mem:serve-web-%s;DB_CLOSE_DELAY=-1" }
                secret: "serve-secret-for-tests-0123456789"
                web: { port: %d, bind: 127.0.0.1 }
                """.formatted(cron, dir.resolve("articles"), dir.resolve("subscribers"), Path.of("templates").toAbsolutePath(),
                greenMail.getSmtp().getPort(), UUID.randomUUID(), webPort));
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
