package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.MovableClock;
import org.resumen.digest.testing.Postgres;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * {@code newsletter.delivery: local}: the edition of 2025-12-16 is frozen at 07:00 in Buenos Aires
 * (10:00 UTC) and each reader gets it at 07:00 in their own zone, the first such time after the
 * cutoff: ana (no zone: Buenos Aires) at 10:00 UTC, beto (New York) at 12:00, dora (Tokyo) at 22:00,
 * carla (Madrid) at 06:00 UTC on the 17th. On an injected clock; the claims on H2 and PostgreSQL.
 */
class LocalHourDeliveryIT {
    private static final Instant BETO_DUE = Instant.parse("2025-12-16T12:00:00Z");
    private static final Instant DORA_DUE = Instant.parse("2025-12-16T22:00:00Z");
    private static final Instant CARLA_DUE = Instant.parse("2025-12-17T06:00:00Z");

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private final MovableClock clock = new MovableClock(TestWorld.NOW);

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void eachRowIsSentAtItsSubscribersLocalHourNotBeforeAndOnce(String store) throws Exception {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0); App app = open(smtp, Postgres.environmentFor(store))) {
            SendReport atTheCutoff = TestWorld.send(app);

            assertThat(atTheCutoff.sent()).isEqualTo(1);
            assertThat(atTheCutoff.waitingForLocalHour()).isEqualTo(3);
            assertThat(atTheCutoff.nextDueAt()).isEqualTo(BETO_DUE);
            assertThat(dueTimes(app)).isEqualTo(Map.of("ana@example.org", TestWorld.NOW, "beto@example.org", BETO_DUE,
                    "dora@example.org", DORA_DUE, "carla@example.org", CARLA_DUE));
            assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1));

            clock.set(BETO_DUE.minusSeconds(60));
            assertThat(app.ledger.editionsWithDueRows()).as("the due sweep a minute early").isEmpty();
            assertThat(resume(app).sent()).isZero();
            assertThat(received.messagesTo("beto@example.org")).isZero();

            clock.set(BETO_DUE);
            assertThat(app.ledger.editionsWithDueRows()).containsExactly(TestWorld.EDITION_DATE);
            assertThat(resume(app).sent()).isEqualTo(1);
            clock.set(DORA_DUE);
            assertThat(resume(app).sent()).isEqualTo(1);
            clock.set(CARLA_DUE);
            SendReport last = resume(app);
            assertThat(last.sent()).isEqualTo(1);
            assertThat(last.waitingForLocalHour()).isZero();
            assertThat(app.ledger.editionsWithDueRows()).isEmpty();
        }
        assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1, "beto@example.org", 1,
                "dora@example.org", 1, "carla@example.org", 1));
    }

    @Test
    void theSendDeadlineCountsFromEachRowsOwnDueTime() throws Exception {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0); App app = open(smtp, Map.of())) {
            TestWorld.send(app);

            // The service was down from 10:00 to 17:00: past the edition's deadline (16:00), within beto's (18:00).
            clock.set(Instant.parse("2025-12-16T17:00:00Z"));
            SendReport late = resume(app);
            assertThat(late.sent()).isEqualTo(1);
            assertThat(late.expired()).isZero();
            assertThat(received.messagesTo("beto@example.org")).isEqualTo(1);

            // And down again from 17:00 to 04:01 on the 17th: dora's deadline (04:00) passed, carla's hour is still ahead.
            clock.set(Instant.parse("2025-12-17T04:01:00Z"));
            SendReport next = resume(app);
            assertThat(next.sent()).isZero();
            assertThat(next.expired()).isEqualTo(1);
            assertThat(Deliveries.byEmail(app).get("dora@example.org").status()).isEqualTo("expired");
            assertThat(Deliveries.byEmail(app).get("dora@example.org").smtpReply())
                    .isEqualTo("expired: not sent within newsletter.send-deadline 6h of its due time (the subscriber's local hour,"
                            + " newsletter.delivery local)");
            assertThat(Deliveries.byEmail(app).get("carla@example.org").status()).isEqualTo("pending");

            clock.set(CARLA_DUE);
            assertThat(resume(app).sent()).isEqualTo(1);
        }
        assertThat(received.messagesTo("dora@example.org")).isZero();
        assertThat(received.messagesTo("carla@example.org")).isEqualTo(1);
    }

    @Test
    void onceTheLastRowsDeadlinePassedNothingIsSentAndTheSummarySaysWhy() throws Exception {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0); App app = open(smtp, Map.of())) {
            TestWorld.send(app);

            clock.set(CARLA_DUE.plus(java.time.Duration.ofHours(6)).plusSeconds(60));
            SendReport late = resume(app);

            assertThat(late.sent()).isZero();
            assertThat(late.expired()).isEqualTo(3);
            assertThat(late.note()).isEqualTo("the edition of 2025-12-16 is past the send deadline of every delivery still due"
                    + " (newsletter.send-deadline 6h after each one's local hour); 3 deliveries still due expired, nothing sent");
            assertThat(app.ledger.editionsWithDueRows()).isEmpty();
        }
        assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1));
    }

    @Test
    void aManualSendSaysHowManyWaitForTheirLocalHourAndWhenTheNextIsDue() throws Exception {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0)) {
            Path config = config(smtp);

            Cli.Run dryRun = Cli.digest(clock, "send", "--date", "2025-12-16", "--dry-run", "--config", config.toString());
            Cli.Run send = Cli.digest(clock, "send", "--date", "2025-12-16", "--config", config.toString());
            clock.set(BETO_DUE.minusSeconds(60));
            Cli.Run again = Cli.digest(clock, "send", "--date", "2025-12-16", "--config", config.toString());
            Cli.Run deliveries = Cli.digest(clock, "deliveries", "--config", config.toString(), "--status", "pending");

            assertThat(dryRun.out()).contains("Dry run: 1 due, 1 digests rendered").contains(", 3 not due yet (their local hour"
                    + " is later); nothing sent");
            assertThat(send.exit()).isZero();
            assertThat(send.out()).contains("This run: 1 due, 1 sent")
                    .contains("Waiting for their local hour: 3 (newsletter.delivery local; the next is due at 2025-12-16 12:00:00Z");
            assertThat(again.out()).contains("This run: 0 due, 0 sent")
                    .contains("Nothing due now: 3 deliveries of the edition of 2025-12-16 wait for their subscribers' local hour"
                            + " (newsletter.delivery local; the first at 2025-12-16 09:00, America/Argentina/Buenos_Aires); 1 already sent");
            assertThat(deliveries.out()).containsPattern("beto@example.org +pending +0 +2025-12-16 12:00:00Z")
                    .containsPattern("carla@example.org +pending +0 +2025-12-17 06:00:00Z").contains("3 row(s)");
        }
        assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1));
    }

    private App open(ScriptedSmtp smtp, Map<String, String> environment) throws Exception {
        return App.open(ConfigLoader.load(config(smtp), environment).orThrow(), clock, TestWorld.QUICK_RETRIES);
    }

    // The test world with newsletter.delivery: local and a subscriber file with a timezone column.
    private Path config(ScriptedSmtp smtp) throws Exception {
        Path config = TestWorld.create(dir, smtp.port(), List.of());
        Files.writeString(config, Files.readString(config).replace("newsletter:\n", "newsletter:\n  delivery: local\n"));
        Files.writeString(dir.resolve("subscribers/main.csv"), String.join("\n",
                "email,name,locale,topics,timezone",
                "ana@example.org,Ana Núñez,es-AR,,",
                "beto@example.org,Beto,es-AR,,America/New_York",
                "dora@example.org,Dora,es-AR,,Asia/Tokyo",
                "carla@example.org,Carla Peña,es-AR,,Europe/Madrid", ""));
        return config;
    }

    private SendReport resume(App app) {
        Optional<SendReport> report = app.sendEdition.resume(TestWorld.EDITION_DATE, Progress.NONE);
        assertThat(report).isPresent();
        return report.get();
    }

    private static Map<String, Instant> dueTimes(App app) {
        Map<String, Instant> due = new HashMap<>();
        app.ledger.forEachRow(TestWorld.EDITION_DATE, null, row -> due.put(row.email(), row.dueAt().toInstant()));
        return due;
    }
}
