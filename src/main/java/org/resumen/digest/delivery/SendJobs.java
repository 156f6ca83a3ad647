package org.resumen.digest.delivery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.resumen.digest.DigestException;
import org.resumen.digest.RefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends started from the web console or the API: each runs the one send use case
 * ({@link SendEdition#run}, as the schedule and the CLI do) on a worker thread and returns at once.
 * One send per edition date at a time: starting a date that is still running returns the running
 * send. Its claims keep a CLI or scheduled send of the same edition, running meanwhile, from sending
 * anyone twice.
 */
public final class SendJobs implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SendJobs.class);

    private final SendEdition sendEdition;
    private final Supplier<LocalDate> today;
    private final Clock clock;
    private final Map<LocalDate, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "send-job");
        thread.setDaemon(true);
        return thread;
    });

    /** {@code today}: the edition date meant when none is given (today in the newsletter's time zone). */
    public SendJobs(SendEdition sendEdition, Supplier<LocalDate> today, Clock clock) {
        this.sendEdition = sendEdition;
        this.today = today;
        this.clock = clock;
    }

    /**
     * Starts sending the edition of {@code options.date()} (null = today) unless a send of that date
     * is still running, in which case that one's progress is returned and nothing new starts.
     * A test send ({@link SendOptions#isTest()}) is refused: it is not the edition's send and is
     * made directly with {@link SendEdition#run}.
     */
    public Snapshot start(SendOptions options) {
        if (options.isTest()) {
            throw new RefusedException("a test send is not a background send; send it with SendEdition.run");
        }
        LocalDate date = options.date() != null ? options.date() : today.get();
        SendOptions dated = new SendOptions(date, null, options.force(), options.dryRun());
        Job job = jobs.compute(date, (d, running) -> running != null && !running.finished() ? running : new Job(d, clock.instant()));
        if (job.claimStart()) {
            workers.submit(() -> job.run(progress -> sendEdition.run(dated, progress), clock));
        }
        return job.snapshot();
    }

    /**
     * Starts working the due deliveries of the edition of {@code date}, already opened
     * ({@link SendEdition#resume}), unless a send of that date started here is still running; for
     * serve's retry sweep. Returns the progress of the send that runs.
     */
    public Snapshot resume(LocalDate date) {
        Job job = jobs.compute(date, (d, running) -> running != null && !running.finished() ? running : new Job(d, clock.instant()));
        if (job.claimStart()) {
            workers.submit(() -> job.run(progress -> sendEdition.resume(date, progress).orElseThrow(() ->
                    new DeliveryException("the edition of " + date + " was never opened; only a send opens it")), clock));
        }
        return job.snapshot();
    }

    /** Starts the edition of {@code date} with the options of a scheduled send (no force, no dry run). */
    public Snapshot start(LocalDate date) {
        return start(SendOptions.scheduled(date));
    }

    /** The progress of the last send started here for {@code date}, running or finished; empty when none was. */
    public Optional<Snapshot> progress(LocalDate date) {
        return Optional.ofNullable(jobs.get(date)).map(Job::snapshot);
    }

    /** Asks running sends to stop after the messages in flight (each recorded), and waits for them. */
    @Override
    public void close() {
        workers.shutdown();
        if (jobs.values().stream().anyMatch(job -> !job.finished())) {
            sendEdition.requestStop();
        }
        try {
            // As long as a claim's lease: the longest an SMTP reply may take (RFC 5321 4.5.3.2.6) and some.
            workers.awaitTermination(Claims.LEASE.toMinutes(), TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A send as seen from outside while it runs: {@code total} deliveries were due when sending began
     * (0 while the run still syncs subscribers and pulls sources), {@code done} of them are settled,
     * {@code due} are left. When {@code finished}, {@code note} is the report's explanation (e.g. no
     * new articles) and {@code error} the refusal or failure that stopped it, if any.
     */
    public record Snapshot(LocalDate date, Instant startedAt, Instant finishedAt, int total, int done, int sent,
                           int failed, int rejected, int skipped, boolean finished, String note, String error,
                           SendReport report) {
        public int due() {
            return Math.max(0, total - done);
        }

        /** 0 to 100; a finished send is 100 whatever it sent (an empty edition has nothing left to do). */
        public int percent() {
            if (finished) {
                return 100;
            }
            return total == 0 ? 0 : Math.min(99, done * 100 / total);
        }

        public boolean ok() {
            return finished && error == null && (report == null || report.ok());
        }
    }

    /** One send and its counts, updated by the delivery workers through {@link Progress}. */
    private static final class Job implements Progress {
        private final LocalDate date;
        private final Instant startedAt;
        private final AtomicReference<Snapshot> current = new AtomicReference<>();
        private boolean started;

        Job(LocalDate date, Instant startedAt) {
            this.date = date;
            this.startedAt = startedAt;
            current.set(new Snapshot(date, startedAt, null, 0, 0, 0, 0, 0, 0, false, "", null, null));
        }

        synchronized boolean claimStart() {
            if (started) {
                return false;
            }
            started = true;
            return true;
        }

        boolean finished() {
            return current.get().finished();
        }

        Snapshot snapshot() {
            return current.get();
        }

        void run(java.util.function.Function<Progress, SendReport> send, Clock clock) {
            try {
                SendReport report = send.apply(this);
                int total = report.due();
                current.set(new Snapshot(date, startedAt, clock.instant(), total, report.sent() + report.failed()
                        + report.rejected() + report.skipped(), report.sent(), report.failed(), report.rejected(),
                        report.skipped(), true, report.note(), null, report));
            } catch (DigestException e) {
                log.warn("send of the edition of {} refused or failed: {}", date, e.getMessage());
                end(clock, e.getMessage());
            } catch (RuntimeException e) {
                log.error("send of the edition of {} failed: {}", date, e.getMessage(), e);
                end(clock, "the send failed: " + e);
            }
        }

        private void end(Clock clock, String error) {
            Snapshot s = current.get();
            current.set(new Snapshot(date, startedAt, clock.instant(), s.total(), s.done(), s.sent(), s.failed(),
                    s.rejected(), s.skipped(), true, "", error, null));
        }

        @Override
        public void update(int done, int sent, int failed, int total) {
            update(done, sent, failed, 0, total);
        }

        @Override
        public void update(int done, int sent, int failed, int rejected, int total) {
            current.updateAndGet(s -> s.finished() ? s : new Snapshot(date, startedAt, null, total, done, sent, failed,
                    rejected, done - sent - failed - rejected, false, "", null, null));
        }
    }
}
