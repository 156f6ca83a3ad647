package org.resumen.digest.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Properties;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.quartz.CronScheduleBuilder;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.KeyMatcher;
import org.quartz.listeners.JobListenerSupport;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.resumen.digest.DigestException;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.delivery.Progress;
import org.resumen.digest.delivery.SendEdition;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.edition.Editions;

/**
 * Quartz set-up: the persistent scheduler of {@code digest serve} (JDBC job store on the
 * application's database, cron trigger in the newsletter's time zone) and the in-memory one that
 * runs the same job at once for {@code digest send}.
 */
public final class Scheduling {
    static final JobKey JOB = JobKey.jobKey("send-edition", "digest");
    static final TriggerKey DAILY = TriggerKey.triggerKey("daily", "digest");
    static final JobKey SWEEP_JOB = JobKey.jobKey("sweep-due-deliveries", "digest");
    static final TriggerKey SWEEP = TriggerKey.triggerKey("sweep", "digest");
    /** How often serve looks for due deliveries (retries whose time came, leases that ran out, paused sends). */
    public static final java.time.Duration SWEEP_EVERY = java.time.Duration.ofMinutes(1);
    /**
     * How long an idle node waits before it looks for triggers to fire again (Quartz's default is 30 s):
     * so soon does a node join a send that another node's edition job calls it into ({@link CallOtherNodes}).
     */
    static final java.time.Duration IDLE_WAIT = java.time.Duration.ofSeconds(5);
    private static final String SWEEP_CONTEXT = "dueSweep";
    /** Matches the edition job only (not the sweep): for listeners that report editions. */
    public static final org.quartz.Matcher<JobKey> EDITION_JOB = KeyMatcher.keyEquals(JOB);

    private Scheduling() {
    }

    /**
     * A scheduler whose jobs and triggers live in the application's database; on PostgreSQL a node
     * of a Quartz cluster (every node uses the instance name "digest"), on H2 the only node.
     */
    public static Scheduler persistent(DataSource dataSource, boolean postgres, SendEdition send, Editions editions, Clock clock) {
        String name = "digest-db-" + UUID.randomUUID();
        DBConnectionManager.getInstance().addConnectionProvider(name, new PooledProvider(dataSource));
        Properties p = common("digest");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.put("org.quartz.jobStore.driverDelegateClass", postgres
                ? "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate" : "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
        p.put("org.quartz.jobStore.dataSource", name);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        p.put("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        if (postgres) {
            // Several serve nodes on one PostgreSQL: Quartz's clustered store fires each trigger on
            // one node only (row locks in QRTZ_LOCKS) and recovers the triggers of a node that died.
            p.put("org.quartz.jobStore.isClustered", "true");
            p.put("org.quartz.scheduler.instanceId", "AUTO");
            p.put("org.quartz.jobStore.clusterCheckinInterval", "7500");
            p.put("org.quartz.scheduler.idleWaitTime", String.valueOf(IDLE_WAIT.toMillis()));
        }
        return create(p, send, editions, clock);
    }

    /** A scheduler that only lives as long as the process: for sends run by hand. */
    public static Scheduler inMemory(SendEdition send, Editions editions, Clock clock) {
        Properties p = common("digest-manual-" + UUID.randomUUID());
        p.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return create(p, send, editions, clock);
    }

    /**
     * Installs (or updates) the daily trigger. A missed fire is made up once when the scheduler comes
     * back (fire once now), never once per missed day; the job drops it when it is too late.
     */
    public static void scheduleDaily(Scheduler scheduler, NewsletterConfig newsletter) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(DAILY).forJob(JOB)
                .withSchedule(CronScheduleBuilder.cronSchedule(newsletter.schedule())
                        .inTimeZone(TimeZone.getTimeZone(newsletter.timezone()))
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.addJob(job(), true);
            Trigger existing = scheduler.getTrigger(DAILY);
            if (existing == null) {
                scheduler.scheduleJob(trigger);
            } else if (!sameSchedule(existing, trigger)) {
                scheduler.rescheduleJob(DAILY, trigger);
            }
        } catch (SchedulerException e) {
            throw new DigestException("cannot schedule the daily edition (" + newsletter.schedule() + "): " + e.getMessage(), e);
        }
    }

    /**
     * Installs serve's retry sweep: every {@link #SWEEP_EVERY}, from now, {@code sweep} starts working
     * the due deliveries of open editions. A missed fire is not made up (the next one does the same work).
     */
    public static void sweepDueDeliveries(Scheduler scheduler, org.resumen.digest.delivery.DueSweep sweep) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(SWEEP).forJob(SWEEP_JOB).startNow()
                .withSchedule(org.quartz.SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInSeconds((int) SWEEP_EVERY.toSeconds()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            scheduler.getContext().put(SWEEP_CONTEXT, sweep);
            scheduler.addJob(JobBuilder.newJob(DueSweepJob.class).withIdentity(SWEEP_JOB).storeDurably().build(), true);
            if (scheduler.getTrigger(SWEEP) == null) {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new DigestException("cannot schedule the retry sweep: " + e.getMessage(), e);
        }
    }

    /** When the daily trigger fires next. */
    public static java.time.Instant nextEdition(Scheduler scheduler) {
        try {
            return scheduler.getTrigger(DAILY).getNextFireTime().toInstant();
        } catch (SchedulerException e) {
            throw new DigestException("cannot read the daily trigger: " + e.getMessage(), e);
        }
    }

    /** Fires the send job now on {@code scheduler} and waits for it to finish. */
    public static SendReport runNow(Scheduler scheduler, SendOptions options, Progress progress) {
        CompletableFuture<SendReport> done = new CompletableFuture<>();
        JobDataMap data = new JobDataMap();
        data.put(SendEditionJob.MANUAL, true);
        data.put(SendEditionJob.DATE, options.date() == null ? "" : options.date().toString());
        data.put(SendEditionJob.TO, options.testAddress());
        data.put(SendEditionJob.FORCE, options.force());
        data.put(SendEditionJob.DRY_RUN, options.dryRun());
        data.put(SendEditionJob.RELEASE, options.release());
        data.put(SendEditionJob.PROGRESS, progress);
        try {
            scheduler.getListenerManager().addJobListener(new Completion(done), KeyMatcher.keyEquals(JOB));
            scheduler.addJob(job(), true);
            scheduler.triggerJob(JOB, data);
            return done.get();
        } catch (SchedulerException e) {
            throw new DigestException("cannot start the send job: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DigestException("interrupted while waiting for the send job", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new DigestException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static JobDetail job() {
        return JobBuilder.newJob(SendEditionJob.class).withIdentity(JOB).storeDurably().requestRecovery(false).build();
    }

    private static boolean sameSchedule(Trigger existing, Trigger wanted) {
        return existing instanceof org.quartz.CronTrigger a && wanted instanceof org.quartz.CronTrigger b
                && a.getCronExpression().equals(b.getCronExpression()) && a.getTimeZone().getID().equals(b.getTimeZone().getID());
    }

    private static Properties common(String instanceName) {
        Properties p = new Properties();
        p.put("org.quartz.scheduler.instanceName", instanceName);
        p.put("org.quartz.scheduler.skipUpdateCheck", "true");
        // One is enough: the retry sweep only starts work on other threads and returns.
        p.put("org.quartz.threadPool.threadCount", "1");
        p.put("org.quartz.scheduler.interruptJobsOnShutdownWithWait", "true");
        return p;
    }

    private static Scheduler create(Properties p, SendEdition send, Editions editions, Clock clock) {
        try {
            Scheduler scheduler = new StdSchedulerFactory(p).getScheduler();
            // Quartz hands out one scheduler per name and JVM; every node of a cluster has the same
            // name, so each App gets its own (two nodes in one test JVM, or an app opened twice).
            org.quartz.impl.SchedulerRepository.getInstance().remove(scheduler.getSchedulerName());
            scheduler.setJobFactory((bundle, s) -> bundle.getJobDetail().getJobClass() == DueSweepJob.class
                    ? new DueSweepJob((org.resumen.digest.delivery.DueSweep) s.getContext().get(SWEEP_CONTEXT))
                    : new SendEditionJob(send, editions, clock));
            return scheduler;
        } catch (SchedulerException e) {
            throw new DigestException("cannot create the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Completes the future with the job's report, or with its failure. */
    private static final class Completion extends JobListenerSupport {
        private final CompletableFuture<SendReport> done;

        Completion(CompletableFuture<SendReport> done) {
            this.done = done;
        }

        @Override
        public String getName() {
            return "completion-" + System.identityHashCode(this);
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            if (failure != null) {
                done.completeExceptionally(reason(failure));
            } else if (context.getResult() instanceof SendReport report) {
                done.complete(report);
            }
        }
    }

    /** The project's own exception inside Quartz's wrappers, when there is one: it is what the user must read. */
    public static Throwable reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DigestException) {
                return t;
            }
        }
        return failure.getCause() != null ? failure.getCause() : failure;
    }

    /** Hands Quartz connections from the application's pool. */
    private record PooledProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
