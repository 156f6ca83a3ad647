package org.resumen.digest.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What serve does every minute ({@code schedule/DueSweepJob}): finds the editions with deliveries
 * due now (pending whose due time came, failed for now whose retry time came, or sending under a
 * lease that ran out; with {@code newsletter.delivery: local} this is what sends each row at its
 * subscriber's local hour, within a minute of it)
 * and starts working each on this node through {@link SendJobs#resume}, the same claims every send
 * uses, so nothing is sent twice however many nodes sweep. An edition past its send deadline is
 * swept too: its due rows expire. Node-agnostic: any node that sweeps joins a send in progress
 * elsewhere, which is how several nodes share one.
 */
public final class DueSweep {
    /** After a run of an edition paused (error budget), this node leaves it alone for as long as the first backoff. */
    static final Duration AFTER_A_PAUSE = RetryPolicy.FIRST_BACKOFF;
    private static final Logger log = LoggerFactory.getLogger(DueSweep.class);

    private final DeliveryLedger ledger;
    private final SendEdition sendEdition;
    private final SendJobs jobs;
    private final Clock clock;

    public DueSweep(DeliveryLedger ledger, SendEdition sendEdition, SendJobs jobs, Clock clock) {
        this.ledger = ledger;
        this.sendEdition = sendEdition;
        this.jobs = jobs;
        this.clock = clock;
    }

    /** Starts a run for each edition with due deliveries that this node is not sending already; returns their dates. */
    public List<LocalDate> sweep() {
        List<LocalDate> started = new ArrayList<>();
        for (LocalDate date : ledger.editionsWithDueRows()) {
            if (sendEdition.delivering(date) || recentlyPaused(date)) {
                continue;
            }
            jobs.resume(date);
            started.add(date);
        }
        if (!started.isEmpty()) {
            log.info("retry sweep: working the due deliveries of {}", started);
        }
        return started;
    }

    private boolean recentlyPaused(LocalDate date) {
        Optional<SendJobs.Snapshot> last = jobs.progress(date);
        return last.isPresent() && last.get().finished() && last.get().report() != null
                && last.get().report().pacing().isPaused()
                && clock.instant().isBefore(last.get().finishedAt().plus(AFTER_A_PAUSE));
    }
}
