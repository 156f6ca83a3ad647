package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.CrashingSmtp;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/** A send against SMTP servers that refuse recipients or die mid-run: what is recorded, and what a later run sends. */
class SmtpFailuresIT {
    private static final String UNKNOWN_MAILBOX = "5.1.1 <beto@example.org>: Recipient address rejected: no such mailbox";
    private static final String GREYLISTED = "4.7.1 <carla@example.org>: Greylisted, try again later";

    @TempDir
    Path dir;

    @Test
    void aRefusedRecipientIsRejectedForGoodAndAGreylistedOneIsSentOnTheRetry() {
        ReceivedMail received = new ReceivedMail();
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received)
                .refusingAlways("beto@example.org", 550, UNKNOWN_MAILBOX)
                .refusingOnce("carla@example.org", 451, GREYLISTED)
                .start(0);
             App app = TestWorld.open(TestWorld.create(dir, smtp.port(),
                     readers("ana@example.org", "beto@example.org", "carla@example.org", "dario@example.org", "elena@example.org")))) {
            SendReport report = TestWorld.send(app);

            assertThat(report.ok()).isFalse();
            assertThat(List.of(report.due(), report.sent(), report.rejected(), report.failed(), report.skipped()))
                    .containsExactly(5, 4, 1, 0, 0);
            assertThat(report.failures()).singleElement().asString().contains("rejected", "550", "no such mailbox")
                    .doesNotContain("beto@example.org");
            Map<String, DeliveryRow> rows = Deliveries.byEmail(app);
            assertThat(rows.get("beto@example.org")).satisfies(beto -> {
                assertThat(beto.status()).isEqualTo("rejected");
                assertThat(beto.attempts()).isEqualTo(1);
                assertThat(beto.smtpReply()).startsWith("550").contains(UNKNOWN_MAILBOX);
            });
            assertThat(rows.get("carla@example.org")).satisfies(carla -> {
                assertThat(carla.status()).isEqualTo("sent");
                assertThat(carla.attempts()).isEqualTo(2);
            });
            assertThat(rows.values()).filteredOn(row -> !row.email().equals("beto@example.org"))
                    .hasSize(4).allSatisfy(row -> assertThat(row.status()).isEqualTo("sent"));
            assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1, "carla@example.org", 1,
                    "dario@example.org", 1, "elena@example.org", 1));

            SendReport second = TestWorld.send(app);

            assertThat(List.of(second.due(), second.sent(), second.rejected(), second.failed())).containsExactly(0, 0, 0, 0);
            assertThat(second.sentBefore()).isEqualTo(4);
            assertThat(second.note()).isEqualTo("the edition of 2025-12-16 was already sent to all 4 subscribers; nothing new to send");
            assertThat(received.recipientCommandsFor("beto@example.org")).isEqualTo(1);
            assertThat(received.total()).isEqualTo(4);
            assertThat(Deliveries.byEmail(app).get("beto@example.org").status()).isEqualTo("rejected");
        }
    }

    @Test
    void aServerThatDiesMidRunLeavesNothingPendingAndTheNextRunSendsExactlyTheRest() throws InterruptedException {
        List<String> emails = IntStream.rangeClosed(1, 20).mapToObj(i -> "lector" + i + "@example.org").toList();
        ReceivedMail received = new ReceivedMail();
        int port;
        Path config;
        try (CrashingSmtp dying = CrashingSmtp.start(received, 7)) {
            port = dying.port();
            config = TestWorld.create(dir, port, readers(emails.toArray(String[]::new)));
            try (App app = TestWorld.open(config)) {
                SendReport first = TestWorld.send(app);

                assertThat(dying.awaitDeath()).isTrue();
                assertThat(first.ok()).isFalse();
                assertThat(first.sent()).isEqualTo(7);
                assertThat(first.sent() + first.failed()).isEqualTo(20);
                Map<String, DeliveryRow> rows = Deliveries.byEmail(app);
                assertThat(rows).hasSize(20);
                assertThat(rows.values()).allSatisfy(row -> assertThat(row.status()).isIn("sent", "failed"));
                assertThat(rows.values()).filteredOn(row -> row.status().equals("failed"))
                        .hasSize(13).allSatisfy(row -> assertThat(row.smtpReply()).isNotBlank());
                assertThat(received.total()).isEqualTo(7);

                try (ScriptedSmtp revived = ScriptedSmtp.recordingInto(received).start(port)) {
                    SendReport second = TestWorld.send(app);

                    assertThat(second.ok()).isTrue();
                    assertThat(List.of(second.due(), second.sent(), second.sentBefore())).containsExactly(13, 13, 7);
                }
                assertThat(Deliveries.byEmail(app).values()).allSatisfy(row -> assertThat(row.status()).isEqualTo("sent"));
            }
        }
        assertThat(received.messagesPerRecipient()).containsOnlyKeys(emails).allSatisfy((email, count) -> assertThat(count).isEqualTo(1));
    }
}
