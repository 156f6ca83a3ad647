package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * {@code GET /metrics} after a real send to three readers through an SMTP server that refuses one of
 * them for good: what an operator's Prometheus would read.
 */
class MetricsIT {
    private static final String UNKNOWN = "5.1.1 <beto@example.org>: Recipient address rejected: no such mailbox";

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private ScriptedSmtp smtp;
    private App app;
    private WebServer server;

    @BeforeEach
    void start() {
        smtp = ScriptedSmtp.recordingInto(received).refusingAlways("beto@example.org", 550, UNKNOWN).start(0);
        app = TestWorld.open(TestWorld.create(dir, smtp.port(),
                readers("ana@example.org", "beto@example.org", "carla@example.org")));
        server = WebServer.start(app, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        app.close();
        smtp.close();
    }

    @Test
    void afterASendTheMetricsShowItsOutcomesTheRefusalsReplyClassAndTheSubscribers() throws Exception {
        TestWorld.send(app);

        HttpResponse<String> response = get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        List<String> lines = samples(response.body());
        assertThat(lines).contains(
                "digest_messages_total{outcome=\"sent\"} 2.0",
                "digest_messages_total{outcome=\"rejected\"} 1.0",
                "digest_last_edition_deliveries{edition=\"2025-12-16\",status=\"sent\"} 2.0",
                "digest_last_edition_deliveries{edition=\"2025-12-16\",status=\"rejected\"} 1.0",
                "digest_last_edition_smtp_replies{class=\"2xx\",edition=\"2025-12-16\"} 2.0",
                "digest_last_edition_smtp_replies{class=\"5xx\",edition=\"2025-12-16\"} 1.0",
                "digest_subscribers{status=\"active\"} 2.0",
                "digest_subscribers{status=\"bounced\"} 1.0",
                "digest_deliveries_due 0.0",
                "digest_edition_send_seconds_count 1",
                "digest_database_up 1.0");
        assertThat(lines).anyMatch(line -> line.startsWith("jvm_memory_used_bytes{"));
        assertThat(lines).anyMatch(line -> line.startsWith("digest_source_failing{source=\"Diario de Prueba\"} 0.0"));
        assertThat(lines).anyMatch(line -> line.startsWith("digest_last_send_rate_messages_per_second "));
    }

    @Test
    void aTestSendIsNotCountedAsMessagesOfTheNewsletter() throws Exception {
        app.sendEdition.run(new org.resumen.digest.delivery.SendOptions(TestWorld.EDITION_DATE, "prueba@example.org", false, false),
                org.resumen.digest.delivery.Progress.NONE);

        List<String> lines = samples(get("/metrics").body());

        assertThat(lines).noneMatch(line -> line.startsWith("digest_messages_total"));
        assertThat(received.messagesTo("prueba@example.org")).isEqualTo(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> samples(String body) {
        return Arrays.stream(body.split("\n")).filter(line -> !line.startsWith("#")).toList();
    }
}
