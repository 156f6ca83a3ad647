package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumen.digest.delivery.SendReport;

/** The closing summary of {@code digest send}: retries waiting and when, throttling, a pause. */
class ReportPrinterTest {
    private static final LocalDate DATE = LocalDate.of(2025, 12, 16);

    @Test
    void saysHowManyWaitForARetryAndWhenTheFirstIsDueAgain() {
        String out = print(report(1, Instant.parse("2025-12-16T10:05:00Z"), SendReport.Pacing.NONE, ""));

        assertThat(out).contains("Waiting for a retry: 1 (failed for now; the first is due again at 2025-12-16 10:05:00Z,"
                + " when the next digest send or serve's retry sweep tries it; see digest deliveries --status failed).");
    }

    @Test
    void saysTheServerThrottledTheSendAndHowSlowItWent() {
        String out = print(report(0, null, new SendReport.Pacing(3, 2.5, 1, ""), ""));

        assertThat(out).contains("Throttled by the server 3 times (421 or 4.7.x, not counted as attempts): the send slowed"
                + " down to 2.5 msg/s at its slowest; 1 deliveries put back as due for the next run.");
    }

    @Test
    void aPausedSendSaysWhyInItsClosingLine() {
        String why = "error budget: 20 of the last 20 attempts failed";
        String out = print(report(0, null, new SendReport.Pacing(0, 0, 0, why), "paused: " + why + "; the rest stays due"));

        assertThat(out).contains("Paused: error budget: 20 of the last 20 attempts failed; the rest stays due.")
                .doesNotContain("Throttled");
    }

    private static SendReport report(int waiting, Instant nextRetry, SendReport.Pacing pacing, String note) {
        return new SendReport(DATE, 4, 10, 9, waiting, 0, 0, 0, List.of(), List.of(), note, Duration.ofSeconds(2), 0, waiting,
                0, false, nextRetry, pacing);
    }

    private static String print(SendReport report) {
        StringWriter out = new StringWriter();
        new ReportPrinter(new PrintWriter(out)).print(report);
        return out.toString();
    }
}
