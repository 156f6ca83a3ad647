package org.resumen.digest.cli;

import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.resumen.digest.App;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.schedule.Scheduling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code digest send}: runs the send job now, through Quartz like the schedule, and waits for it. */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = "Send the edition of a date now (through the same Quartz job as the schedule).",
        footer = {"", "Examples:", "  digest send                      today's edition to every subscriber",
                "  digest send --date 2025-12-16", "  digest send --to ana@example.org  a test send, not recorded",
                "  digest send --dry-run            render and report, send nothing"})
final class SendCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "edition date (default: today in newsletter.timezone)")
    LocalDate date;

    @Option(names = "--to", paramLabel = "EMAIL", description = "send only to this address, as a test (not recorded as the edition's delivery)")
    String to;

    @Option(names = "--force", description = "send even when the selection is empty")
    boolean force;

    @Option(names = "--dry-run", description = "render and report without sending")
    boolean dryRun;

    @Override
    public Integer call() throws SchedulerException {
        try (App app = parent.open()) {
            Scheduler scheduler = Scheduling.inMemory(app.sendEdition, app.editions, app.clock);
            scheduler.start();
            ProgressLine progress = new ProgressLine(parent.spec.commandLine().getOut());
            try {
                SendReport report = Scheduling.runNow(scheduler, new SendOptions(date, to, force, dryRun), progress);
                progress.finish();
                new ReportPrinter(parent.spec.commandLine().getOut()).print(report);
                if (app.embeddedSmtp != null && report.sent() > 0) {
                    parent.spec.commandLine().getOut().println("Embedded SMTP server: messages written to " + app.embeddedSmtp.outbox().toAbsolutePath() + "/");
                }
                return report.ok() ? DigestCommand.OK : DigestCommand.FAILED;
            } finally {
                scheduler.shutdown(true);
            }
        }
    }
}
