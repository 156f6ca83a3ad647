package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.CrashingSmtp;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.MovableClock;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * The SMTP server dies after 7 of 20 messages: the run pauses on its error budget, every row is sent,
 * failed for now or still due and untried, and the next run, once the failed ones' retry time came,
 * sends exactly the rest.
 */
class ServerLostMidRunIT {
    private static final int ACCEPTED_BEFORE_DYING = 7;
    private static final List<String> READERS = IntStream.rangeClosed(1, 20).mapToObj(i -> "lector" + i + "@example.org").toList();

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();

    @Test
    void aServerThatDiesMidRunLeavesSentOrFailedRowsAndTheNextRunSendsExactlyTheMissingOnes() throws InterruptedException {
        MovableClock clock = new MovableClock(TestWorld.NOW);
        try (CrashingSmtp dying = CrashingSmtp.start(received, ACCEPTED_BEFORE_DYING);
             App app = App.open(ConfigLoader.load(TestWorld.create(dir, dying.port(), TestWorld.readers(READERS.toArray(String[]::new))),
                     Map.of()).orThrow(), clock, TestWorld.QUICK_RETRIES)) {
            SendReport first = TestWorld.send(app);

            assertThat(dying.awaitDeath()).isTrue();
            assertFirstRun(first, Deliveries.byEmail(app));
            clock.set(first.nextRetryAt());
            try (ScriptedSmtp revived = ScriptedSmtp.recordingInto(received).start(dying.port())) {
                SendReport second = TestWorld.send(app);

                assertThat(second.ok()).isTrue();
                assertThat(List.of(second.due(), second.sent(), second.sentBefore())).containsExactly(13, 13, 7);
            }
            assertThat(Deliveries.byEmail(app).values()).extracting(DeliveryRow::status).containsOnly("sent");
        }
        assertThat(received.messagesPerRecipient()).containsOnlyKeys(READERS)
                .allSatisfy((reader, messages) -> assertThat(messages).isEqualTo(1));
    }

    private void assertFirstRun(SendReport first, Map<String, DeliveryRow> rows) {
        assertThat(first.ok()).isFalse();
        assertThat(first.sent()).isEqualTo(ACCEPTED_BEFORE_DYING);
        assertThat(first.pacing().paused()).startsWith("error budget: ");
        assertThat(rows).hasSize(20);
        assertThat(rows.values()).extracting(DeliveryRow::status).containsOnly("sent", "failed", "pending");
        assertThat(rows.values()).filteredOn(row -> row.status().equals("failed")).hasSize(first.failed());
        assertThat(rows.values()).filteredOn(row -> row.status().equals("failed"))
                .allSatisfy(row -> assertThat(row.smtpReply()).isNotBlank());
        assertThat(received.total()).isEqualTo(ACCEPTED_BEFORE_DYING);
        rows.values().forEach(row -> assertThat(received.messagesTo(row.email())).isEqualTo(row.status().equals("sent") ? 1 : 0));
    }
}
