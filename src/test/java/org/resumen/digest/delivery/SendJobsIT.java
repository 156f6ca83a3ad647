package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resumen.digest.testing.TestWorld.EDITION_DATE;
import static org.resumen.digest.testing.TestWorld.readers;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.RefusedException;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/** Background sends: started, followed to the end, and not doubled by a second start. */
class SendJobsIT {
    private static final String UNKNOWN_MAILBOX = "5.1.1 <beto@example.org>: no such mailbox";

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private ScriptedSmtp smtp;
    private App app;

    @BeforeEach
    void start() {
        smtp = ScriptedSmtp.recordingInto(received).refusingAlways("beto@example.org", 550, UNKNOWN_MAILBOX).start(0);
        app = TestWorld.open(TestWorld.create(dir, smtp.port(),
                readers("ana@example.org", "beto@example.org", "carla@example.org")));
    }

    @AfterEach
    void stop() {
        app.close();
        smtp.close();
    }

    @Test
    void aStartedSendRunsToTheEndAndItsProgressSaysWhatHappened() {
        SendJobs.Snapshot started = app.sendJobs.start(EDITION_DATE);
        SendJobs.Snapshot end = awaitEnd();

        assertThat(started.date()).isEqualTo(EDITION_DATE);
        assertThat(end.percent()).isEqualTo(100);
        assertThat(Map.of("total", end.total(), "done", end.done(), "sent", end.sent(), "rejected", end.rejected(),
                "due", end.due())).isEqualTo(Map.of("total", 3, "done", 3, "sent", 2, "rejected", 1, "due", 0));
        assertThat(end.error()).isNull();
        assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1, "carla@example.org", 1));
        assertThat(Deliveries.byEmail(app).get("beto@example.org").smtpReply()).isEqualTo("550 " + UNKNOWN_MAILBOX);
    }

    @Test
    void startingTheSameDateTwiceSendsEachSubscriberOneMessage() {
        app.sendJobs.start(EDITION_DATE);
        app.sendJobs.start(EDITION_DATE);
        awaitEnd();
        app.sendJobs.start(EDITION_DATE);
        SendJobs.Snapshot again = awaitEnd();

        assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1, "carla@example.org", 1));
        assertThat(again.sent()).isZero();
        assertThat(again.note()).contains("already sent");
    }

    @Test
    void aRefusedSendEndsWithItsReason() {
        app.sendJobs.start(EDITION_DATE.plusDays(3));
        SendJobs.Snapshot end = awaitEnd(EDITION_DATE.plusDays(3));

        assertThat(end.finished()).isTrue();
        assertThat(end.error()).contains("is in the future");
        assertThat(received.total()).isZero();
    }

    @Test
    void aTestSendIsNotABackgroundSend() {
        assertThatThrownBy(() -> app.sendJobs.start(new SendOptions(EDITION_DATE, "ana@example.org", false, false)))
                .isInstanceOf(RefusedException.class);
        assertThat(app.sendJobs.progress(EDITION_DATE)).isEmpty();
    }

    private SendJobs.Snapshot awaitEnd() {
        return awaitEnd(EDITION_DATE);
    }

    // Waits for the end, however long the machine needs; the deadline only keeps a hung send from hanging the build.
    private SendJobs.Snapshot awaitEnd(java.time.LocalDate date) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            SendJobs.Snapshot s = app.sendJobs.progress(date).orElseThrow();
            if (s.finished()) {
                return s;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the send of " + date + " did not finish");
    }
}
