package org.resumen.digest.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of one send: the edition's date and size, this run's counts, the deliveries made by
 * earlier runs, the rows retaken after another run's lease ran out (possible duplicates), those that
 * failed for now and wait for a later run (and when the first of them is tried again), those expired
 * past the send deadline, what went wrong (addresses in full: the report is for the operator's
 * terminal, not the log), a one-line explanation when nothing was sent, whether the source-health
 * gate held the edition (not sent, not frozen; {@code digest send --release} sends it), how the
 * server's pace shaped the run ({@link Pacing}), and, with {@code newsletter.delivery: local}, how
 * many deliveries wait for their subscriber's local hour and when the first of them falls due.
 */
public record SendReport(
        LocalDate date,
        int articles,
        int due,
        int sent,
        int failed,
        int rejected,
        int skipped,
        int sentBefore,
        List<String> problems,
        List<String> failures,
        String note,
        Duration elapsed,
        int retaken,
        int waitingForRetry,
        int expired,
        boolean held,
        Instant nextRetryAt,
        Pacing pacing,
        int waitingForLocalHour,
        Instant nextDueAt) {

    /**
     * How the server's pace shaped the run: {@code throttled} throttling replies (421, 4.7.x), which
     * brought the rate down to {@code slowestPerSecond} at its lowest (0 = never slowed);
     * {@code requeued} deliveries given back to the due pool after being throttled too often; and,
     * when the run paused with deliveries still due, why ({@code paused}, e.g. "error budget: …"), else "".
     */
    public record Pacing(int throttled, double slowestPerSecond, int requeued, String paused) {
        public static final Pacing NONE = new Pacing(0, 0, 0, "");

        public boolean isPaused() {
            return !paused.isEmpty();
        }
    }

    public SendReport {
        problems = List.copyOf(problems);
        failures = List.copyOf(failures);
        pacing = pacing == null ? Pacing.NONE : pacing;
    }

    /** A report with no delivery waiting for its local hour. */
    public SendReport(LocalDate date, int articles, int due, int sent, int failed, int rejected, int skipped, int sentBefore,
                      List<String> problems, List<String> failures, String note, Duration elapsed, int retaken,
                      int waitingForRetry, int expired, boolean held, Instant nextRetryAt, Pacing pacing) {
        this(date, articles, due, sent, failed, rejected, skipped, sentBefore, problems, failures, note, elapsed, retaken,
                waitingForRetry, expired, held, nextRetryAt, pacing, 0, null);
    }

    /** A report with no delivery waiting for a retry time and nothing throttled or paused. */
    public SendReport(LocalDate date, int articles, int due, int sent, int failed, int rejected, int skipped, int sentBefore,
                      List<String> problems, List<String> failures, String note, Duration elapsed, int retaken,
                      int waitingForRetry, int expired, boolean held) {
        this(date, articles, due, sent, failed, rejected, skipped, sentBefore, problems, failures, note, elapsed, retaken,
                waitingForRetry, expired, held, null, Pacing.NONE);
    }

    /** The report of a run that wrote nothing to the ledger: a test send, a dry run, an empty edition. */
    static SendReport unrecorded(org.resumen.digest.edition.Edition edition, int due, int sent, int skipped,
                                 List<String> problems, List<String> failures, String note, Duration elapsed) {
        return new SendReport(edition.date(), edition.articles().size(), due, sent, failures.size(), 0, skipped, 0,
                problems, failures, note, elapsed, 0, 0, 0, false);
    }

    /** True when nothing failed: no failed or rejected delivery, no pause, and no source, file or template problem. */
    public boolean ok() {
        return !held && failed == 0 && rejected == 0 && problems.isEmpty() && !pacing.isPaused();
    }
}
