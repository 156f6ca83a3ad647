package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;
import org.resumen.digest.testing.TestWorld;

/** Many messages travel over few connections: at most smtp.connections at once, each reused. */
class ConnectionReuseIT {
    @TempDir
    Path dir;

    private int sessionsFor(int connections, int subscribers) throws IOException {
        ReceivedMail received = new ReceivedMail();
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0)) {
            List<String> rows = IntStream.range(0, subscribers).mapToObj(i -> "lector" + i + "@example.org,Lector " + i + ",es,").toList();
            Path config = TestWorld.create(dir, smtp.port(), rows);
            Files.writeString(config, Files.readString(config).replace("  port: " + smtp.port(),
                    "  port: " + smtp.port() + "\n  connections: " + connections));
            try (App app = TestWorld.open(config)) {
                assertThat(TestWorld.send(app).sent()).isEqualTo(subscribers);
            }
            assertThat(received.total()).isEqualTo(subscribers);
            return smtp.sessionsWithMail();
        }
    }

    @Test
    void oneConnectionCarriesEveryMessage() throws IOException {
        assertThat(sessionsFor(1, 30)).isEqualTo(1);
    }

    @Test
    void neverMoreConnectionsThanConfigured() throws IOException {
        assertThat(sessionsFor(3, 30)).isBetween(1, 3);
    }
}
