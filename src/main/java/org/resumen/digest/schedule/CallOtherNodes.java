package org.resumen.digest.schedule;

import java.util.concurrent.atomic.AtomicBoolean;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.resumen.digest.delivery.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The progress of a scheduled send on a node of a Quartz cluster: the first time it has due rows
 * (the edition is open and fanned out), it fires serve's due sweep once, at once, in the cluster.
 * The node sending the edition holds its only Quartz thread, so an idle node takes that fire and
 * joins the send within {@link Scheduling#IDLE_WAIT} instead of at the next regular sweep, up to a
 * minute later.
 */
final class CallOtherNodes implements Progress {
    private static final Logger log = LoggerFactory.getLogger(CallOtherNodes.class);
    private final Scheduler scheduler;
    private final AtomicBoolean called = new AtomicBoolean();

    CallOtherNodes(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void update(int done, int sent, int failed, int total) {
        if (done >= total || !called.compareAndSet(false, true)) {
            return;
        }
        try {
            if (scheduler.getMetaData().isJobStoreClustered() && scheduler.checkExists(Scheduling.SWEEP_JOB)) {
                scheduler.triggerJob(Scheduling.SWEEP_JOB);
            }
        } catch (SchedulerException e) {
            log.warn("cannot call the other nodes into the send (they join at the next sweep): {}", e.getMessage());
        }
    }
}
