package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.MovableClock;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * A server in trouble defers every transaction: the send pauses once half of its recent attempts
 * failed, leaving most deliveries due and untried; a later run, once the server is back, resumes
 * and completes the edition, every reader getting one message.
 */
class ErrorBudgetIT {
    private static final List<String> READERS = IntStream.rangeClosed(1, 40).mapToObj(i -> "lector" + i + "@example.org").toList();

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private final MovableClock clock = new MovableClock(TestWorld.NOW);

    @Test
    void theSendPausesWhenHalfTheRecentAttemptsFailedAndALaterRunResumesAndCompletesIt() {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).deferringEveryone(451, "4.3.0 queue full, try again later").start(0);
             App app = App.open(ConfigLoader.load(TestWorld.create(dir, smtp.port(), TestWorld.readers(READERS.toArray(String[]::new))),
                     Map.of()).orThrow(), clock, TestWorld.QUICK_RETRIES)) {
            SendReport paused = TestWorld.send(app);

            assertThat(paused.ok()).isFalse();
            assertThat(paused.sent()).isZero();
            assertThat(paused.pacing().paused()).startsWith("error budget: ").contains("attempts failed")
                    .endsWith("last: 451 4.3.0 queue full, try again later");
            assertThat(paused.note()).startsWith("paused: error budget: ").contains("the rest stays due");
            Map<String, DeliveryRow> rows = Deliveries.byEmail(app);
            assertThat(rows.values()).extracting(DeliveryRow::status).containsOnly("failed", "pending");
            long untried = rows.values().stream().filter(row -> row.status().equals("pending")).count();
            assertThat(untried).isGreaterThan(READERS.size() / 2);
            assertThat(rows.values()).filteredOn(row -> row.status().equals("pending"))
                    .allSatisfy(row -> assertThat(row.attempts()).isZero());
            assertThat(paused.failed() * TestWorld.QUICK_RETRIES.attempts()).isGreaterThanOrEqualTo(ErrorBudget.MIN_ATTEMPTS);

            smtp.acceptingEveryone();
            clock.advance(Duration.ofMinutes(5));
            SendReport resumed = TestWorld.send(app);

            assertThat(resumed.ok()).isTrue();
            assertThat(List.of(resumed.due(), resumed.sent(), resumed.waitingForRetry())).containsExactly(READERS.size(), READERS.size(), 0);
            assertThat(Deliveries.byEmail(app).values()).extracting(DeliveryRow::status).containsOnly("sent");
        }
        assertThat(received.messagesPerRecipient()).containsOnlyKeys(READERS).allSatisfy((reader, n) -> assertThat(n).isEqualTo(1));
    }
}
