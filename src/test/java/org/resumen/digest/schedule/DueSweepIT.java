package org.resumen.digest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quartz.Scheduler;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.MovableClock;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * serve's retry sweep, on Quartz's JDBC job store as serve runs it (clustered on PostgreSQL): once a
 * failed delivery's retry time has come, the sweep sends it without anyone running {@code digest send}, once.
 */
class DueSweepIT {
    /** How long the test waits for the sweep's first fire and its send; a safety net, never an assertion on time. */
    private static final long PATIENCE_MILLIS = 120_000;

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private final MovableClock clock = new MovableClock(TestWorld.NOW);

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void theSweepSendsTheDueDeliveriesOfAnOpenEditionWithoutAManualSend(String store) throws Exception {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received)
                .refusingAlways("carla@example.org", 451, "4.2.1 <carla@example.org>: mailbox busy, try again later").start(0);
             App app = App.open(ConfigLoader.load(TestWorld.create(dir, smtp.port(), readers("ana@example.org", "carla@example.org")),
                     org.resumen.digest.testing.Postgres.environmentFor(store)).orThrow(), clock, TestWorld.QUICK_RETRIES)) {
            SendReport first = TestWorld.send(app);
            assertThat(first.waitingForRetry()).isEqualTo(1);
            smtp.acceptingAgain("carla@example.org");
            clock.set(first.nextRetryAt());

            Scheduler scheduler = Scheduling.persistent(app.database.dataSource(), app.database.isPostgres(), app.sendEdition,
                    app.editions, app.clock);
            Scheduling.sweepDueDeliveries(scheduler, app.dueSweep);
            scheduler.start();
            try {
                awaitSent(app, "carla@example.org");
            } finally {
                scheduler.shutdown(true);
            }
        }
        assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1, "carla@example.org", 1));
    }

    private static void awaitSent(App app, String email) throws InterruptedException {
        long until = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (!"sent".equals(Deliveries.byEmail(app).get(email).status()) && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertThat(Deliveries.byEmail(app).get(email).status()).isEqualTo("sent");
    }
}
