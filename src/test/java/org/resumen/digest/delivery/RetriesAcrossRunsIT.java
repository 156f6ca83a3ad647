package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.MovableClock;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * A delivery that keeps failing for now (451 to its RCPT TO) waits between runs, 5 min doubling up to
 * 4 h, on a clock the test moves: no run takes it before its time, the first run after it does;
 * on H2 and on PostgreSQL (the claim statements differ).
 */
class RetriesAcrossRunsIT {
    private static final String BUSY = "4.2.1 <carla@example.org>: mailbox busy, try again later";

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private final MovableClock clock = new MovableClock(TestWorld.NOW);

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aFailingDeliveryWaitsFiveMinutesThenTwiceAsLongAfterEachFailedRunUpToFourHours(String store) {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).refusingAlways("carla@example.org", 451, BUSY).start(0);
             App app = open(smtp, store)) {
            List<Long> waits = new ArrayList<>();
            for (int run = 0; run < 7; run++) {
                SendReport report = TestWorld.send(app);
                assertThat(report.waitingForRetry()).isEqualTo(1);
                waits.add(Duration.between(clock.instant(), report.nextRetryAt()).toMinutes());
                clock.set(report.nextRetryAt());
            }

            assertThat(waits).containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 240L);
            assertThat(received.recipientCommandsFor("carla@example.org")).isEqualTo(7 * TestWorld.QUICK_RETRIES.attempts());
            assertThat(received.messagesTo("ana@example.org")).isEqualTo(1);
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aFailedDeliveryIsNotRetakenBeforeItsTimeAndIsRetakenAtIt(String store) {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).refusingAlways("carla@example.org", 451, BUSY).start(0);
             App app = open(smtp, store)) {
            SendReport first = TestWorld.send(app);
            Instant retryAt = TestWorld.NOW.plus(Duration.ofMinutes(5));
            assertThat(first.nextRetryAt()).isEqualTo(retryAt);
            assertThat(first.failures()).containsExactly("carla@example.org: failed after 3 attempts: 451 " + BUSY);
            smtp.acceptingAgain("carla@example.org");

            clock.set(retryAt.minusSeconds(1));
            SendReport early = TestWorld.send(app);

            assertThat(List.of(early.due(), early.sent())).containsExactly(0, 0);
            assertThat(early.note()).isEqualTo("nothing due now: 1 deliveries of the edition of 2025-12-16 failed for now and"
                    + " wait for their retry time (the first at 2025-12-16 07:05, America/Argentina/Buenos_Aires); 1 already sent");
            assertThat(received.messagesTo("carla@example.org")).isZero();

            clock.set(retryAt);
            SendReport onTime = TestWorld.send(app);

            assertThat(List.of(onTime.due(), onTime.sent(), onTime.waitingForRetry())).containsExactly(1, 1, 0);
            assertThat(onTime.nextRetryAt()).isNull();
            assertThat(received.messagesTo("carla@example.org")).isEqualTo(1);
            assertThat(Deliveries.byEmail(app).get("carla@example.org").status()).isEqualTo("sent");
        }
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void anAdminsRetryNowMakesTheFailedDeliveriesDueAtOnce(String store) {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).refusingAlways("carla@example.org", 451, BUSY).start(0);
             App app = open(smtp, store)) {
            TestWorld.send(app);
            smtp.acceptingAgain("carla@example.org");

            assertThat(app.ledger.retryNow(TestWorld.EDITION_DATE)).isEqualTo(1);
            SendReport retried = TestWorld.send(app);

            assertThat(List.of(retried.due(), retried.sent())).containsExactly(1, 1);
            assertThat(received.messagesTo("carla@example.org")).isEqualTo(1);
        }
    }

    private App open(ScriptedSmtp smtp, String store) {
        Path config = TestWorld.create(dir, smtp.port(), readers("ana@example.org", "carla@example.org"));
        Map<String, String> env = ClaimedDeliveriesIT.database(store);
        return App.open(ConfigLoader.load(config, env).orThrow(), clock, TestWorld.QUICK_RETRIES);
    }
}
