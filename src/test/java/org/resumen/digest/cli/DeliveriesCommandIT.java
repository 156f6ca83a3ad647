package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/**
 * {@code digest deliveries}: the operator reads the ledger, addresses in full, filtered by date and
 * status; every row shows when it fell due, and a delivery failed for now when it is tried again.
 */
class DeliveriesCommandIT {
    @TempDir
    Path dir;

    @Test
    void listsEveryRowWithItsStatusReplyAndNextAttemptAndFiltersByStatus() {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(new ReceivedMail())
                .refusingAlways("beto@example.org", 451, "4.3.0 <beto@example.org>: mailbox busy, try later").start(0)) {
            Path config = TestWorld.create(dir, smtp.port(), TestWorld.readers("ana@example.org", "beto@example.org"));
            try (App app = TestWorld.open(config)) {
                assertThat(TestWorld.send(app).sent()).isEqualTo(1);
            }

            Cli.Run all = Cli.digest(TestWorld.CLOCK, "deliveries", "--config", config.toString(), "--date", "2025-12-16");
            Cli.Run failed = Cli.digest(TestWorld.CLOCK, "deliveries", "--config", config.toString(), "--status", "failed");
            Cli.Run wrong = Cli.digest(TestWorld.CLOCK, "deliveries", "--config", config.toString(), "--status", "enviado");

            assertThat(all.exit()).isZero();
            assertThat(all.out()).contains("DUE").contains("NEXT ATTEMPT")
                    .containsPattern("2025-12-16 +ana@example.org +sent +1 +2025-12-16 10:00:00Z +2025-12-16 10:00:00Z"
                            + " +2025-12-16 10:00:00Z +- +250")
                    .containsPattern("2025-12-16 +beto@example.org +failed +3 +2025-12-16 10:00:00Z +2025-12-16 10:00:00Z +-"
                            + " +2025-12-16 10:05:00Z"
                            + " +451 4.3.0 <beto@example.org>: mailbox busy, try later")
                    .contains("2 row(s)");
            assertThat(failed.out()).contains("beto@example.org").contains("1 row(s)").doesNotContain("ana@example.org");
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(wrong.out()).contains("--status: unknown status \"enviado\"; expected one of pending, sending, sent, failed,"
                    + " rejected, skipped, expired");
        }
    }
}
