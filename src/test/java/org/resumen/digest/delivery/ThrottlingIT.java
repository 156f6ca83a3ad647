package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * A server that answers the first transactions with "421 4.7.0 … slow down" and closes the
 * connection: the send slows down and tries those messages again, none is failed, and no attempt
 * of theirs is spent on it.
 */
class ThrottlingIT {
    private static final int THROTTLED = 3;
    private static final List<String> READERS = IntStream.rangeClosed(1, 8).mapToObj(i -> "lector" + i + "@example.org").toList();

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();

    @Test
    void throttlingSlowsTheSendDownAndMarksNoMessageFailed() {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received)
                .throttlingFirst(THROTTLED, "4.7.0 Too many messages, slow down and try again later").start(0);
             App app = TestWorld.open(TestWorld.create(dir, smtp.port(), TestWorld.readers(READERS.toArray(String[]::new))))) {
            SendReport report = TestWorld.send(app);

            assertThat(smtp.throttled()).isEqualTo(THROTTLED);
            assertThat(report.ok()).isTrue();
            assertThat(List.of(report.sent(), report.failed(), report.waitingForRetry())).containsExactly(READERS.size(), 0, 0);
            assertThat(report.pacing().throttled()).isEqualTo(THROTTLED);
            assertThat(report.pacing().slowestPerSecond()).isPositive();
            assertThat(report.pacing().requeued()).isZero();
            assertThat(Deliveries.byEmail(app).values()).allSatisfy(row -> {
                assertThat(row.status()).isEqualTo("sent");
                assertThat(row.attempts()).isEqualTo(1);
            });
        }
        assertThat(received.messagesPerRecipient()).containsOnlyKeys(READERS).allSatisfy((reader, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void aMessageThrottledAgainAndAgainGoesBackToTheDuePoolUntouched() {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received)
                .throttlingFirst(Attempts.MAX_THROTTLES, "4.7.0 Too many messages, slow down and try again later").start(0);
             App app = TestWorld.open(TestWorld.create(dir, smtp.port(), TestWorld.readers("ana@example.org")))) {
            SendReport first = TestWorld.send(app);

            assertThat(List.of(first.sent(), first.failed(), first.pacing().requeued())).containsExactly(0, 0, 1);
            DeliveryRow ana = Deliveries.byEmail(app).get("ana@example.org");
            assertThat(List.of(ana.status(), ana.attempts())).containsExactly("pending", 0);

            SendReport second = TestWorld.send(app);

            assertThat(second.sent()).isEqualTo(1);
            assertThat(received.messagesTo("ana@example.org")).isEqualTo(1);
        }
    }
}
