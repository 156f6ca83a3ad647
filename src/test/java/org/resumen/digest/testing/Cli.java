package org.resumen.digest.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.resumen.digest.cli.DigestCommand;

/** Runs the {@code digest} command line in-process at a chosen instant, capturing what a user would see. */
public final class Cli {
    private Cli() {
    }

    /** The exit code and everything printed (standard output and error together). */
    public record Run(int exit, String out) {
    }

    public static Run digest(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int exit = DigestCommand.commandLine(clock, writer, writer).execute(args);
        return new Run(exit, out.toString());
    }
}
