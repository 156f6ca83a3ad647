package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.resumen.digest.App;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code digest bounces poll}: one read of the bounce mailbox, as serve would do, for checking by hand. */
@Command(name = "bounces", mixinStandardHelpOptions = true, description = "Read the bounce and unsubscribe mailboxes.",
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

    @Command(name = "poll", mixinStandardHelpOptions = true, description = "Read bounces.mailbox and unsubscribe.mailbox once and act on what is there.")
    static final class PollCommand implements Callable<Integer> {
        @ParentCommand
        BouncesCommand parent;

        @Override
        public Integer call() {
            PrintWriter out = parent.spec.commandLine().getOut();
            try (App app = parent.parent.open()) {
                var bounces = app.pollBounces();
                var unsubscribes = app.pollUnsubscribes();
                if (bounces.isEmpty() && unsubscribes.isEmpty()) {
                    out.println("Neither bounces.mailbox nor unsubscribe.mailbox is set; nothing to read.");
                    out.flush();
                    return DigestCommand.USAGE;
                }
                bounces.ifPresent(r -> out.println("Bounce mailbox: read " + messages(r.read()) + ": " + r.handled()
                        + " handled and moved to Processed, " + r.leftAlone() + " left in the mailbox."));
                unsubscribes.ifPresent(r -> out.println("Unsubscribe mailbox: read " + messages(r.read()) + ": " + r.handled()
                        + " unsubscribed and moved to Processed, " + r.leftAlone() + " left in the mailbox."));
                out.flush();
                return DigestCommand.OK;
            }
        }
    }

    private static String messages(int n) {
        return n == 1 ? "1 message" : n + " messages";
    }
}
