package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.TestWorld;

/** {@code digest deliveries}: the operator reads the ledger, addresses in full, filtered by date and status. */
class DeliveriesCommandIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void listsEveryRowWithItsStatusAndReplyAndFiltersByStatus() {
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(),
                TestWorld.readers("ana@example.org", "beto@example.org"));
        try (App app = TestWorld.open(config)) {
            assertThat(TestWorld.send(app).sent()).isEqualTo(2);

            Cli.Run all = Cli.digest(TestWorld.CLOCK, "deliveries", "--config", config.toString(), "--date", "2025-12-16");
            Cli.Run failed = Cli.digest(TestWorld.CLOCK, "deliveries", "--config", config.toString(), "--status", "failed");
            Cli.Run wrong = Cli.digest(TestWorld.CLOCK, "deliveries", "--config", config.toString(), "--status", "enviado");

            assertThat(all.exit()).isZero();
            assertThat(all.out()).containsPattern("2025-12-16 +ana@example.org +sent +1 +2025-12-16 10:00:00Z +2025-12-16 10:00:00Z +250")
                    .contains("beto@example.org").contains("2 row(s)");
            assertThat(failed.out()).contains("0 row(s)").doesNotContain("ana@example.org");
            assertThat(wrong.exit()).isEqualTo(1);
            assertThat(wrong.out()).contains("--status: unknown status \"enviado\"; expected one of pending, sending, sent, failed,"
                    + " rejected, skipped, expired");
        }
    }
}
