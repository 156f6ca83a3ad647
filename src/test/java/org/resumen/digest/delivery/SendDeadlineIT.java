package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
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
 * {@code newsletter.send-deadline} (6 h by default): a greylisting server leaves deliveries failed for
 * now; a run within the deadline sends them, a run after it expires them, sends nothing and says why.
 */
class SendDeadlineIT {
    private static final String GREYLISTED = "4.7.1 Greylisted, try again later";

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private final MovableClock clock = new MovableClock(TestWorld.NOW);
    private ScriptedSmtp smtp;
    private App app;

    @AfterEach
    void stop() {
        app.close();
        smtp.close();
    }

    @Test
    void aRetryWithinTheDeadlineSendsWhatFailedForNow() {
        start();
        SendReport first = send();
        assertThat(first.waitingForRetry()).isEqualTo(1);

        clock.advance(Duration.ofHours(5));
        SendReport second = send();

        assertThat(second.sent()).isEqualTo(1);
        assertThat(second.expired()).isZero();
        assertThat(received.messagesTo("carla@example.org")).isEqualTo(1);
    }

    @Test
    void pastTheDeadlineWhatIsStillDueExpiresWithTheReasonAndNothingIsSent() {
        start();
        send();

        clock.advance(Duration.ofHours(6).plusMinutes(1));
        SendReport late = send();

        assertThat(late.sent()).isZero();
        assertThat(late.expired()).isEqualTo(1);
        assertThat(late.note()).contains("past its send deadline").contains("1 deliveries still due expired, nothing sent");
        DeliveryRow carla = Deliveries.byEmail(app).get("carla@example.org");
        assertThat(carla.status()).isEqualTo("expired");
        assertThat(carla.smtpReply()).startsWith("expired: not sent by the send deadline 2025-12-16 13:00");
        assertThat(Deliveries.byEmail(app).get("ana@example.org").status()).isEqualTo("sent");
        assertThat(received.messagesTo("carla@example.org")).isZero();
    }

    @Test
    void aSubscriberWhoJoinsAfterTheDeadlineGetsNoRowOfThatEdition() throws Exception {
        start();
        send();
        clock.advance(Duration.ofHours(7));
        java.nio.file.Files.writeString(dir.resolve("subscribers/main.csv"),
                "dora@example.org,Dora,es-AR,\n", java.nio.file.StandardOpenOption.APPEND);

        send();

        assertThat(Deliveries.byEmail(app)).doesNotContainKey("dora@example.org");
    }

    private void start() {
        smtp = ScriptedSmtp.recordingInto(received).refusingAlways("carla@example.org", 451, GREYLISTED).start(0);
        Path config = TestWorld.create(dir, smtp.port(), readers("ana@example.org", "carla@example.org"));
        app = App.open(ConfigLoader.load(config, Map.of()).orThrow(), clock, TestWorld.QUICK_RETRIES);
    }

    private SendReport send() {
        if (clock.instant().isAfter(TestWorld.NOW.plus(Duration.ofHours(4)))) {
            smtp.acceptingAgain("carla@example.org");
        }
        return TestWorld.send(app);
    }
}
