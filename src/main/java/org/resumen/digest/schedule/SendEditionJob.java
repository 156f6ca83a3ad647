package org.resumen.digest.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.quartz.InterruptableJob;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.resumen.digest.delivery.Progress;
import org.resumen.digest.delivery.SendEdition;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.edition.Editions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Quartz job of both the schedule and manual sends: it works out which edition is meant and
 * calls the send use case. A scheduled fire later than {@code newsletter.send-deadline} (the service
 * was down) is dropped, so an edition never goes out a day late.
 */
public final class SendEditionJob implements InterruptableJob {
    static final String MANUAL = "manual";
    static final String DATE = "date";
    static final String TO = "to";
    static final String FORCE = "force";
    static final String DRY_RUN = "dryRun";
    static final String RELEASE = "release";
    /** How long a held edition waits before the schedule tries it again (until the send deadline). */
    static final Duration HOLD_RETRY = Duration.ofMinutes(10);
    static final String PROGRESS = "progress";
    private static final Logger log = LoggerFactory.getLogger(SendEditionJob.class);

    private final SendEdition sendEdition;
    private final Editions editions;
    private final Clock clock;

    SendEditionJob(SendEdition sendEdition, Editions editions, Clock clock) {
        this.sendEdition = sendEdition;
        this.editions = editions;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        JobDataMap data = context.getMergedJobDataMap();
        Progress progress = data.get(PROGRESS) instanceof Progress p ? p : Progress.NONE;
        try {
            context.setResult(data.getBooleanValue(MANUAL) ? sendEdition.run(manualOptions(data), progress) : scheduled(context));
        } catch (RuntimeException e) {
            // Handed to the listeners (CLI, serve) as the job's failure, which they report in one line;
            // thrown as is, Quartz would log it again at ERROR with a stack trace.
            throw new JobExecutionException(e, false);
        }
    }

    @Override
    public void interrupt() {
        sendEdition.requestStop();
    }

    private SendReport scheduled(JobExecutionContext context) {
        Instant scheduledAt = editions.scheduledFireAtOrBefore(clock.instant());
        LocalDate date = editions.dateOf(scheduledAt);
        var tooLate = tooLate(scheduledAt, clock.instant(), editions.sendDeadlineAfterCutoff());
        if (tooLate.isPresent()) {
            log.warn(tooLate.get());
            return new SendReport(date, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), tooLate.get(), Duration.ZERO, 0, 0, 0, false);
        }
        SendReport report = sendEdition.run(SendOptions.onSchedule(date), new CallOtherNodes(context.getScheduler()));
        if (report.held()) {
            retryHeld(context, scheduledAt);
        }
        log.info("scheduled edition {}: {} sent, {} failed", date, report.sent(), report.failed() + report.rejected());
        return report;
    }

    // A held edition is tried again every HOLD_RETRY while the send deadline allows; each try maps to
    // the same scheduled fire, so it is the same edition, and a try past the deadline is dropped.
    private void retryHeld(JobExecutionContext context, Instant scheduledAt) {
        Instant next = clock.instant().plus(HOLD_RETRY);
        if (tooLate(scheduledAt, next, editions.sendDeadlineAfterCutoff()).isPresent()) {
            log.warn("held edition of {}: no retry, the send deadline passes before the next one", editions.dateOf(scheduledAt));
            return;
        }
        try {
            context.getScheduler().scheduleJob(org.quartz.TriggerBuilder.newTrigger()
                    .withIdentity("held-retry-" + next.toEpochMilli(), "digest").forJob(context.getJobDetail().getKey())
                    .startAt(java.util.Date.from(next)).build());
            log.info("held edition of {}: tried again at {}", editions.dateOf(scheduledAt), next);
        } catch (org.quartz.SchedulerException e) {
            log.error("held edition: cannot schedule its retry: {}", e.getMessage());
        }
    }

    /** Why a fire at {@code now} for the edition scheduled at {@code scheduledAt} must not send, if it must not. */
    static java.util.Optional<String> tooLate(Instant scheduledAt, Instant now, Duration deadline) {
        if (Duration.between(scheduledAt, now).compareTo(deadline) <= 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("edition scheduled at " + scheduledAt + " not sent: that is more than "
                + deadline.toString().substring(2).toLowerCase() + " ago, past newsletter.send-deadline (the service was down);"
                + " it is skipped, never sent late");
    }

    private static SendOptions manualOptions(JobDataMap data) {
        String date = data.getString(DATE);
        return new SendOptions(date == null || date.isEmpty() ? null : LocalDate.parse(date), data.getString(TO),
                data.getBooleanValue(FORCE), data.getBooleanValue(DRY_RUN), data.getBooleanValue(RELEASE));
    }
}
