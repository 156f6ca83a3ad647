package org.resumen.digest.delivery;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of one send: the edition's date and size, this run's counts, the deliveries made by
 * earlier runs, the rows retaken after another run's lease ran out (possible duplicates), those that
 * failed for now and wait for a later run, those expired past the send deadline, what went wrong (addresses in full: the report is for the operator's terminal, not
 * the log), a one-line explanation when nothing was sent, and whether the source-health gate held
 * the edition (not sent, not frozen; {@code digest send --release} sends it).
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
        boolean held) {

    public SendReport {
        problems = List.copyOf(problems);
        failures = List.copyOf(failures);
    }

    /** The report of a run that wrote nothing to the ledger: a test send, a dry run, an empty edition. */
    static SendReport unrecorded(org.resumen.digest.edition.Edition edition, int due, int sent, int skipped,
                                 List<String> problems, List<String> failures, String note, Duration elapsed) {
        return new SendReport(edition.date(), edition.articles().size(), due, sent, failures.size(), 0, skipped, 0,
                problems, failures, note, elapsed, 0, 0, 0, false);
    }

    /** True when nothing failed: no failed or rejected delivery and no source, file or template problem. */
    public boolean ok() {
        return !held && failed == 0 && rejected == 0 && problems.isEmpty();
    }
}
