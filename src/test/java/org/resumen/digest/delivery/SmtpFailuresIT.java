package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * A send to five readers against a server that refuses beto for good (550), greylists carla once
 * (451) and refuses dario's message after the data (554): what is recorded, what the report says,
 * and what a second run does.
 */
class SmtpFailuresIT {
    private static final String UNKNOWN_MAILBOX = "5.1.1 <beto@example.org>: Recipient address rejected: no such mailbox";
    private static final String CONTENT_REFUSED = "5.7.1 Message refused by content filter";
    private static final String GREYLISTED = "4.7.1 <carla@example.org>: Greylisted, try again later";

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private ScriptedSmtp smtp;
    private App app;
    private SendReport report;

    @BeforeEach
    void sendOnce() {
        smtp = ScriptedSmtp.recordingInto(received)
                .refusingAlways("beto@example.org", 550, UNKNOWN_MAILBOX)
                .refusingOnce("carla@example.org", 451, GREYLISTED)
                .refusingMessagesTo("dario@example.org", 554, CONTENT_REFUSED)
                .start(0);
        app = TestWorld.open(TestWorld.create(dir, smtp.port(),
                readers("ana@example.org", "beto@example.org", "carla@example.org", "dario@example.org", "elena@example.org")));
        report = TestWorld.send(app);
    }

    @AfterEach
    void stop() {
        app.close();
        smtp.close();
    }

    @Test
    void aRefusedRecipientIsRecordedRejectedWithTheServersReplyAfterOneAttempt() {
        DeliveryRow beto = Deliveries.byEmail(app).get("beto@example.org");

        assertThat(beto.status()).isEqualTo("rejected");
        assertThat(beto.attempts()).isEqualTo(1);
        assertThat(beto.smtpReply()).isEqualTo("550 " + UNKNOWN_MAILBOX);
        assertThat(received.messagesTo("beto@example.org")).isZero();
    }

    @Test
    void aMessageRefusedAfterItsDataIsRecordedRejectedAfterOneAttempt() {
        DeliveryRow dario = Deliveries.byEmail(app).get("dario@example.org");

        assertThat(List.of(dario.status(), dario.attempts(), dario.smtpReply())).containsExactly("rejected", 1, "554 " + CONTENT_REFUSED);
        assertThat(received.messagesTo("dario@example.org")).isZero();
    }

    @Test
    void aGreylistedRecipientIsSentOnTheSecondAttempt() {
        DeliveryRow carla = Deliveries.byEmail(app).get("carla@example.org");

        assertThat(carla.status()).isEqualTo("sent");
        assertThat(carla.attempts()).isEqualTo(2);
        assertThat(carla.smtpReply()).startsWith("250");
    }

    @Test
    void everyoneElseIsSentOnceAndGetsExactlyOneMessage() {
        assertThat(Deliveries.byEmail(app).values()).filteredOn(row -> List.of("ana", "carla", "elena").contains(row.email().split("@")[0]))
                .extracting(DeliveryRow::status).containsExactly("sent", "sent", "sent");
        assertThat(received.messagesPerRecipient()).isEqualTo(Map.of("ana@example.org", 1, "carla@example.org", 1,
                "elena@example.org", 1));
    }

    @Test
    void theReportCountsTheRejectionAsAFailureWithTheAddressInFullForTheOperator() {
        assertThat(report.ok()).isFalse();
        assertThat(List.of(report.due(), report.sent(), report.rejected(), report.failed(), report.skipped()))
                .containsExactly(5, 3, 2, 0, 0);
        assertThat(report.failures()).containsExactlyInAnyOrder(
                "beto@example.org: rejected: 550 5.1.1 <beto@example.org>: Recipient address rejected: no such mailbox",
                "dario@example.org: rejected: 554 " + CONTENT_REFUSED);
    }

    @Test
    void aSecondRunRetriesNobodyAndSendsNoSecondMessage() {
        SendReport second = TestWorld.send(app);

        assertThat(List.of(second.due(), second.sent(), second.rejected(), second.failed())).containsExactly(0, 0, 0, 0);
        assertThat(second.note()).isEqualTo(
                "the edition of 2025-12-16 was already sent to 3 of 5 subscribers (2 rejected, 0 skipped, not retried); nothing new to send");
        assertThat(received.recipientCommandsFor("beto@example.org")).isEqualTo(1);
        assertThat(received.recipientCommandsFor("dario@example.org")).isEqualTo(1);
        assertThat(received.total()).isEqualTo(3);
        assertThat(Deliveries.byEmail(app).get("beto@example.org").status()).isEqualTo("rejected");
    }
}
