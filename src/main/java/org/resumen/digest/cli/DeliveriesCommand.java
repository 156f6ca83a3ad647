package org.resumen.digest.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.resumen.digest.App;
import org.resumen.digest.delivery.DeliveryLedger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code digest deliveries}: the delivery ledger, read only, one line per row, addresses in full. */
@Command(name = "deliveries", mixinStandardHelpOptions = true,
        description = "List delivery rows: edition date, address, status, attempts, when due, times and the SMTP reply. Sends nothing.",
        footer = {"", "Example:", "  digest deliveries --date 2025-12-16 --status failed"})
final class DeliveriesCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private static String time(java.time.OffsetDateTime at) {
        return at == null ? "-" : TIME.format(at.withOffsetSameInstant(java.time.ZoneOffset.UTC));
    }

    @ParentCommand
    DigestCommand parent;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "only the edition of this date")
    LocalDate date;

    @Option(names = "--status", paramLabel = "STATUS",
            description = "only rows with this status: pending, sending, sent, failed, rejected, skipped or expired")
    String status;

    @Override
    public Integer call() {
        PrintWriter out = parent.spec.commandLine().getOut();
        try (App app = parent.open()) {
            out.printf("%-10s %-36s %-9s %8s %-20s %-20s %-20s %-20s %s%n", "EDITION", "EMAIL", "STATUS", "ATTEMPTS", "DUE",
                    "UPDATED", "SENT", "NEXT ATTEMPT", "REPLY");
            int[] rows = {0};
            app.ledger.forEachRow(date, status, row -> {
                rows[0]++;
                out.printf("%-10s %-36s %-9s %8d %-20s %-20s %-20s %-20s %s%s%n", row.date(), row.email(), row.status(),
                        row.attempts(), time(row.dueAt()), time(row.updatedAt()), time(row.sentAt()), time(row.nextAttemptAt()),
                        row.reply() == null ? "" : row.reply(), row.possibleDuplicate() ? " (possible duplicate)" : "");
            });
            out.println(rows[0] + " row(s)");
            out.flush();
            return DigestCommand.OK;
        }
    }
}
