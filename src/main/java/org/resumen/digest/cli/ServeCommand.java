package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.listeners.JobListenerSupport;
import org.resumen.digest.App;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.schedule.Scheduling;
import org.resumen.digest.web.WebServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code digest serve}: runs the scheduler until stopped. SIGTERM (or Ctrl-C) lets the message in
 * flight finish and be recorded, leaves the rest due, shuts Quartz and the database down cleanly,
 * prints "stopped; N sent, M still due" and exits 0: rows left due are sent by the next start.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the scheduler: send each edition at newsletter.schedule, in newsletter.timezone, until stopped.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @Option(names = "--exit-after", hidden = true, paramLabel = "N", description = "exit after N editions ran (for tests)")
    int exitAfter;

    @Override
    public Integer call() throws SchedulerException, InterruptedException {
        PrintWriter out = parent.spec.commandLine().getOut();
        CountDownLatch runs = new CountDownLatch(exitAfter > 0 ? exitAfter : Integer.MAX_VALUE);
        Reporter reporter = new Reporter(out, runs);
        AtomicReference<Runnable> stopper = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(1);
        // Installed before the app opens: a signal during start-up waits for it, then stops cleanly.
        SignalStop signal = SignalStop.install(() -> {
            awaitQuietly(ready);
            if (stopper.get() == null) {
                return DigestCommand.FAILED;
            }
            stopper.get().run();
            out.println(ReportPrinter.stopped(reporter.sent.get(), reporter.stillDue.get()));
            out.flush();
            // Stopping is how serve ends: 0, as a service manager expects; rows left due wait for the next start.
            return DigestCommand.OK;
        });
        App app;
        Scheduler scheduler;
        WebServer web;
        try {
            app = parent.open();
            holdServeLock(app);
            scheduler = Scheduling.persistent(app.database.dataSource(), app.database.isPostgres(),
                    app.sendEdition, app.editions, app.clock);
            Scheduling.scheduleDaily(scheduler, app.config.newsletter());
            Scheduling.sweepDueDeliveries(scheduler, app.dueSweep);
            scheduler.getListenerManager().addJobListener(reporter, Scheduling.EDITION_JOB);
            app.sendEdition.onFinished(reporter::otherRunFinished);
            web = startWeb(app, scheduler);
            scheduler.start();
            out.println("Scheduler started (" + app.config.newsletter().schedule() + ", " + app.config.newsletter().timezone()
                    + "); next edition at " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                    Scheduling.nextEdition(scheduler).atZone(app.config.newsletter().timezone())) + ". Stop with Ctrl-C or SIGTERM.");
            readSourcesOnce(app);
            if (app.startMailboxPolling()) {
                out.println("Reading the bounce and unsubscribe mailboxes every " + app.mailboxPoll().toSeconds() + " s (bounces.poll).");
            }
            if (web != null) {
                out.println("Web pages at " + web.url() + "/ (links in mail use " + app.config.newsletter().baseUrl() + ")");
                web.firstAdminLink().ifPresentOrElse(
                        link -> out.println("No admin yet: create the first one at " + link + " (valid one hour, once)"),
                        () -> out.println("Admin console at " + web.url() + "/admin"));
            }
            out.flush();
            stopper.set(() -> stop(app, scheduler, web));
        } catch (RuntimeException | SchedulerException e) {
            // Not started: the process ends with this error's exit code, not the hook's.
            signal.remove();
            throw e;
        } finally {
            ready.countDown();
        }
        runs.await();
        signal.remove();
        stop(app, scheduler, web);
        return DigestCommand.OK;
    }

    private static WebServer startWeb(App app, Scheduler scheduler) throws SchedulerException {
        if (!app.config.web().enabled()) {
            return null;
        }
        try {
            return WebServer.start(app, app.config.web().bind(), app.config.web().port(), () -> running(scheduler));
        } catch (RuntimeException e) {
            scheduler.shutdown(false);
            app.close();
            throw e;
        }
    }

    private static boolean running(Scheduler scheduler) {
        try {
            return scheduler.isStarted() && !scheduler.isShutdown() && !scheduler.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void stop(App app, Scheduler scheduler, WebServer web) {
        if (web != null) {
            web.close();
        }
        app.sendEdition.requestStop();
        try {
            // Waits for a running send: it stops after the messages in flight, each recorded.
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            // Shutting down anyway; the ledger already holds every finished delivery.
        }
        app.close();
    }

    /**
     * Prints each edition's report as it finishes, and the report of every other run of this node
     * (the due sweep's, which is how a node shows its part of a send that another node's schedule
     * started, or the console's), and counts what was sent and what a stop left due.
     */
    private static final class Reporter extends JobListenerSupport {
        private final PrintWriter out;
        private final CountDownLatch runs;
        /** True on the thread running the edition job, whose report {@link #jobWasExecuted} prints. */
        private final ThreadLocal<Boolean> inEditionJob = ThreadLocal.withInitial(() -> false);
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger stillDue = new AtomicInteger();

        Reporter(PrintWriter out, CountDownLatch runs) {
            this.out = out;
            this.runs = runs;
        }

        @Override
        public String getName() {
            return "serve-reporter";
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
            inEditionJob.set(true);
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            inEditionJob.remove();
            if (failure != null) {
                out.println("digest: edition failed: " + Scheduling.reason(failure).getMessage());
            } else if (context.getResult() instanceof SendReport report) {
                print(report);
            }
            out.flush();
            runs.countDown();
        }

        /** A run of this node that was not the edition job (test sends and dry runs record nothing: not shown). */
        void otherRunFinished(org.resumen.digest.delivery.SendOptions options, SendReport report) {
            if (inEditionJob.get() || options.isTest() || options.dryRun()) {
                return;
            }
            print(report);
            out.flush();
        }

        // Runs of several editions (the job's, the sweep's, the console's) may end at once: one report at a time.
        private synchronized void print(SendReport report) {
            new ReportPrinter(out).print(report);
            sent.addAndGet(report.sent());
            stillDue.set(report.due() - report.sent() - report.rejected() - report.skipped());
        }
    }

    /**
     * Pulls every source once, in the background, as serve starts: the console then shows the day's
     * articles and each source's health at once, instead of an empty edition until the first send.
     */
    private static void readSourcesOnce(App app) {
        Thread first = new Thread(() -> {
            try {
                app.ingester.ingestAll();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ServeCommand.class).warn("Reading the sources at start failed: {}", e.getMessage());
            }
        }, "first-ingest");
        first.setDaemon(true);
        first.start();
    }

    /** The H2 serve lock, held (strongly referenced) for the life of the process. */
    private static volatile AutoCloseable serveLock;

    private static void holdServeLock(App app) {
        try {
            serveLock = org.resumen.digest.Database.lockForServe(app.config.database()).orElse(null);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }
}
