package org.resumen.digest.cli;

import java.io.PrintWriter;
import org.resumen.digest.delivery.SendReport;

/** Prints the summary at the end of a send: counts, what went wrong, and why nothing was sent when so. */
final class ReportPrinter {
    private static final int MAX_FAILURE_LINES = 20;
    /** Times as {@code digest deliveries} shows them. */
    static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(java.time.ZoneOffset.UTC);
    private final PrintWriter out;

    ReportPrinter(PrintWriter out) {
        this.out = out;
    }

    /** The closing line of a send or serve stopped by SIGTERM or Ctrl-C. */
    static String stopped(int sent, int stillDue) {
        return "stopped; " + sent + " sent, " + stillDue + " still due"
                + (stillDue > 0 ? " (the next digest send of that date sends them)" : "");
    }

    void print(SendReport report) {
        report.problems().forEach(p -> out.println("problem: " + p));
        out.printf("Edition %s: %d articles. This run: %d due, %d sent, %d failed, %d rejected, %d skipped (%.1f s).%n",
                report.date(), report.articles(), report.due(), report.sent(), report.failed(), report.rejected(),
                report.skipped(), report.elapsed().toMillis() / 1000.0);
        if (report.sentBefore() > 0 && report.due() > 0) {
            out.printf("Already sent by earlier runs: %d.%n", report.sentBefore());
        }
        if (report.retaken() > 0) {
            out.printf("Retaken after another run's lease ran out: %d (possible duplicates: that run may have handed them"
                    + " to the server before it died; marked possible_duplicate in the deliveries table).%n", report.retaken());
        }
        if (report.waitingForRetry() > 0) {
            out.printf("Waiting for a retry: %d (failed for now; %s; see digest deliveries --status failed).%n",
                    report.waitingForRetry(), report.nextRetryAt() == null
                            ? "the next digest send or serve tries them again"
                            : "the first is due again at " + TIME.format(report.nextRetryAt())
                            + ", when the next digest send or serve's retry sweep tries it");
        }
        if (report.waitingForLocalHour() > 0) {
            out.printf("Waiting for their local hour: %d (newsletter.delivery local; the next is due at %s, when serve's due"
                    + " sweep sends it, or a digest send --date %s after that time).%n", report.waitingForLocalHour(),
                    TIME.format(report.nextDueAt()), report.date());
        }
        SendReport.Pacing pacing = report.pacing();
        if (pacing.throttled() > 0) {
            out.printf(java.util.Locale.ROOT, "Throttled by the server %d times (421 or 4.7.x, not counted as attempts): the send"
                    + " slowed down to %.1f msg/s at its slowest%s.%n", pacing.throttled(), pacing.slowestPerSecond(),
                    pacing.requeued() > 0 ? "; " + pacing.requeued() + " deliveries put back as due for the next run" : "");
        }
        if (report.expired() > 0) {
            out.printf("Expired past the send deadline: %d (never sent; see digest deliveries --status expired).%n",
                    report.expired());
        }
        report.failures().stream().limit(MAX_FAILURE_LINES).forEach(f -> out.println("not sent: " + f));
        if (report.failures().size() > MAX_FAILURE_LINES) {
            out.printf("… and %d more failures (every one is recorded with its reason in the deliveries table).%n",
                    report.failures().size() - MAX_FAILURE_LINES);
        }
        if (!report.note().isEmpty()) {
            out.println(report.note().substring(0, 1).toUpperCase() + report.note().substring(1) + ".");
        }
        out.flush();
    }
}
