package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
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
 * flight finish, leaves the rest due for the next run, and shuts Quartz down cleanly.
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
        App app = parent.open();
        Scheduler scheduler = Scheduling.persistent(app.database.dataSource(), app.database.isPostgres(),
                app.sendEdition, app.editions, app.clock);
        Scheduling.scheduleDaily(scheduler, app.config.newsletter());
        CountDownLatch runs = new CountDownLatch(exitAfter > 0 ? exitAfter : Integer.MAX_VALUE);
        scheduler.getListenerManager().addJobListener(new Reporter(app, out, runs));
        WebServer web = startWeb(app, scheduler);
        Thread shutdown = new Thread(() -> stop(app, scheduler, web), "digest-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdown);
        scheduler.start();
        out.println("Scheduler started (" + app.config.newsletter().schedule() + ", " + app.config.newsletter().timezone()
                + "); next edition at " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Scheduling.nextEdition(scheduler).atZone(app.config.newsletter().timezone())) + ". Stop with Ctrl-C or SIGTERM.");
        if (web != null) {
            out.println("Web pages at " + web.url() + "/ (links in mail use " + app.config.newsletter().baseUrl() + ")");
        }
        out.flush();
        runs.await();
        Runtime.getRuntime().removeShutdownHook(shutdown);
        stop(app, scheduler, web);
        return DigestCommand.OK;
    }

    private static WebServer startWeb(App app, Scheduler scheduler) throws SchedulerException {
        if (!app.config.web().enabled()) {
            return null;
        }
        try {
            return WebServer.start(app, app.config.web().bind(), app.config.web().port());
        } catch (RuntimeException e) {
            scheduler.shutdown(false);
            app.close();
            throw e;
        }
    }

    private static void stop(App app, Scheduler scheduler, WebServer web) {
        if (web != null) {
            web.close();
        }
        app.sendEdition.requestStop();
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            // Shutting down anyway; the ledger already holds every finished delivery.
        }
        app.close();
    }

    /** Prints each edition's report as it finishes. */
    private static final class Reporter extends JobListenerSupport {
        private final App app;
        private final PrintWriter out;
        private final CountDownLatch runs;

        Reporter(App app, PrintWriter out, CountDownLatch runs) {
            this.app = app;
            this.out = out;
            this.runs = runs;
        }

        @Override
        public String getName() {
            return "serve-reporter";
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
            if (failure != null) {
                out.println("digest: edition failed: " + Scheduling.reason(failure).getMessage());
            } else if (context.getResult() instanceof SendReport report) {
                new ReportPrinter(out).print(report);
            }
            out.flush();
            runs.countDown();
        }
    }
}
