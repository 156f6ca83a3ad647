package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.resumen.digest.App;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.schedule.Scheduling;
import org.resumen.digest.subscriber.Emails;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code digest send}: runs the send job now, through Quartz like the schedule, and waits for it.
 * SIGTERM stops it after the messages in flight, recorded, and prints "stopped; N sent, M still due".
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send the edition of a date now (through the same Quartz job as the schedule).",
        footer = {"", "Examples:", "  digest send                      today's edition to every subscriber",
                "  digest send --date 2025-12-16", "  digest send --to ana@example.org  a test send, not recorded",
                "  digest send --dry-run            what a send would do now; sends nothing"})
final class SendCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "edition date (default: today in newsletter.timezone); a later date needs --force")
    LocalDate date;

    @Option(names = "--to", paramLabel = "EMAIL", description = "send only to this address, as a test (not recorded as the edition's delivery)")
    String to;

    @Option(names = "--force", description = "send even when the selection is empty (once the edition's scheduled time has passed), or for a later date")
    boolean force;

    @Option(names = "--release", description = "send an edition held because its sources failed (see the note of the held send)")
    boolean release;

    @Option(names = "--dry-run", description = "report what a send would do now (who is due, their digests rendered) without sending")
    boolean dryRun;

    @Override
    public Integer call() throws SchedulerException, InterruptedException {
        if (to != null) {
            Emails.problem(to.trim()).ifPresent(problem -> {
                throw new CommandLine.ParameterException(spec.commandLine(), "--to: " + problem);
            });
        }
        PrintWriter out = parent.spec.commandLine().getOut();
        AtomicBoolean signalled = new AtomicBoolean();
        AtomicInteger exit = new AtomicInteger(DigestCommand.FAILED);
        AtomicReference<App> opened = new AtomicReference<>();
        CountDownLatch finished = new CountDownLatch(1);
        // Installed before the app opens (the slow part of starting): a signal then still lets the
        // opening finish and the run stop before its first message, with its closing line.
        SignalStop stop = SignalStop.install(() -> {
            signalled.set(true);
            awaitStopped(opened, finished);
            out.flush();
            return exit.get();
        });
        try (App app = parent.open()) {
            opened.set(app);
            exit.set(send(app, out, signalled));
        } finally {
            stop.remove();
            // Counted down once the app (and its database pool) is closed: the hook may end the process then.
            finished.countDown();
        }
        return exit.get();
    }

    private int send(App app, PrintWriter out, AtomicBoolean signalled) throws SchedulerException {
        Scheduler scheduler = Scheduling.inMemory(app.sendEdition, app.editions, app.clock);
        scheduler.start();
        ProgressLine progress = new ProgressLine(out);
        try {
            SendReport report = Scheduling.runNow(scheduler, new SendOptions(date, to, force, dryRun, release), progress);
            progress.finish();
            new ReportPrinter(out).print(report);
            if (app.embeddedSmtp != null && report.sent() > 0) {
                out.println("Embedded SMTP server: messages written to " + app.embeddedSmtp.outbox().toAbsolutePath() + "/");
            }
            int stillDue = report.due() - report.sent() - report.rejected() - report.skipped();
            if (signalled.get()) {
                out.println(ReportPrinter.stopped(report.sent(), stillDue));
                return stillDue > 0 || !report.ok() ? DigestCommand.FAILED : DigestCommand.OK;
            }
            return report.ok() ? DigestCommand.OK : DigestCommand.FAILED;
        } finally {
            scheduler.shutdown(true);
            out.flush();
        }
    }

    // Asks again until the send has ended: a stop asked before the run began would be reset by it.
    private static void awaitStopped(AtomicReference<App> app, CountDownLatch finished) {
        try {
            do {
                if (app.get() != null) {
                    app.get().sendEdition.requestStop();
                }
            } while (!finished.await(200, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
