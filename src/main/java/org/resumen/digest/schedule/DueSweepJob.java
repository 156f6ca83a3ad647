package org.resumen.digest.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.resumen.digest.DigestException;
import org.resumen.digest.delivery.DueSweep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * serve's retry sweep, every {@link Scheduling#SWEEP_EVERY}: starts working the due deliveries of
 * open editions on this node ({@link DueSweep}) and returns at once, so the next fire may land on
 * another node and that one joins in. One fire at a time in the whole cluster (the clustered job
 * store honours {@code @DisallowConcurrentExecution} per job key); the claims make any overlap harmless.
 */
@DisallowConcurrentExecution
public final class DueSweepJob implements Job {
    private static final Logger log = LoggerFactory.getLogger(DueSweepJob.class);
    private final DueSweep sweep;

    DueSweepJob(DueSweep sweep) {
        this.sweep = sweep;
    }

    @Override
    public void execute(JobExecutionContext context) {
        if (sweep == null) {
            return; // a scheduler opened without the sweep (not serve) found serve's trigger in the database
        }
        try {
            sweep.sweep();
        } catch (DigestException | java.util.concurrent.RejectedExecutionException e) {
            log.warn("retry sweep failed, trying again in {}: {}", Scheduling.SWEEP_EVERY, e.getMessage());
        }
    }
}
