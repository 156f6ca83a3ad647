package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.resumen.digest.App;
import org.resumen.digest.article.IngestReport;
import org.resumen.digest.article.SourceOutcome;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code digest ingest}: pulls every source now; exits non-zero when any source failed. */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = "Pull every source now and store new articles.")
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    DigestCommand parent;

    @Override
    public Integer call() {
        PrintWriter out = parent.spec.commandLine().getOut();
        try (App app = parent.open()) {
            IngestReport report = app.ingester.ingestAll();
            for (SourceOutcome outcome : report.outcomes()) {
                out.printf("%s: %d fetched, %d new%s%n", outcome.source(), outcome.fetched(), outcome.added(),
                        outcome.failed() ? ", FAILED" : "");
                outcome.problems().forEach(p -> out.println("  problem: " + p));
            }
            out.printf("%d new articles.%n", report.added());
            out.flush();
            return report.ok() ? DigestCommand.OK : DigestCommand.FAILED;
        }
    }
}
