package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.resumen.digest.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code digest bounces poll}: one read of the bounce mailbox, as serve would do, for checking by hand. */
@Command(name = "bounces", mixinStandardHelpOptions = true, description = "Read the bounce mailbox.",
        subcommands = BouncesCommand.PollCommand.class,
        footer = {"", "Example:", "  DIGEST_BOUNCES_PASSWORD=... digest bounces poll"})
final class BouncesCommand implements Runnable {
    @ParentCommand
    DigestCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "say poll");
    }

    @Command(name = "poll", mixinStandardHelpOptions = true, description = "Read bounces.mailbox once and act on what is there.")
    static final class PollCommand implements Callable<Integer> {
        @ParentCommand
        BouncesCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                var report = app.pollBounces();
                if (report.isEmpty()) {
                    out.println("bounces.mailbox is not set; nothing to read.");
                    out.flush();
                    return DigestCommand.USAGE;
                }
                out.println("Read " + report.get().read() + " messages: " + report.get().handled()
                        + " handled and moved to Processed, " + report.get().leftAlone() + " left in the mailbox.");
                out.flush();
                return DigestCommand.OK;
            }
        }
    }
}
