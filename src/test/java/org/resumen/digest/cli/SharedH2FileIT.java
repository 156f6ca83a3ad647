package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.Cli.Run;
import org.resumen.digest.testing.DemoFiles;

/**
 * Issue 6 item 8 on the default database, an H2 file, with real processes: the CLI works while a
 * {@code send} or {@code serve} has the file open (an unsubscribe in the middle of a send is honoured
 * by that send's next messages), and a second {@code serve} on the same file stops and says that
 * several nodes need PostgreSQL. Each process works in its own folder (its own outbox and output).
 */
class SharedH2FileIT {
    private static final int READERS = 40;
    private static final String LAST = "lector40@example.org";

    @TempDir
    Path dir;

    private Path config(String webPort) throws IOException {
        Path subscribers = Files.createDirectories(dir.resolve("subscribers"));
        List<String> rows = new ArrayList<>(List.of(DemoFiles.CSV_HEADER));
        IntStream.rangeClosed(1, READERS).forEach(i -> rows.add("lector" + i + "@example.org,Lector " + i + ",es-AR,"));
        Files.write(subscribers.resolve("lectores.csv"), rows);
        return Files.writeString(dir.resolve("digest.yml"), """
                sources:
                  - { name: "Redacción El Resumen", directory: "%s" }
                subscribers: "%s"
                templates: "%s"
                smtp: { host: "", connections: 1, max-per-second: 2 }
                database: { url: "jdbc:h2:file:%s" }
                web: { port: %s }
                secret: "%s"
                """.formatted(Path.of("sources/redaccion").toAbsolutePath(), subscribers, Path.of("templates").toAbsolutePath(),
                dir.resolve("data/digest"), webPort, DemoFiles.SECRET));
    }

    @Test
    void anUnsubscribeFromTheCliDuringASendOfAnotherProcessIsHonouredByThatSend() throws IOException {
        Path config = config("0");
        Path sending = Files.createDirectories(dir.resolve("send"));
        Process send = Cli.start(sending, "send", "--date", "2025-12-16", "--config", config.toString());
        Cli.awaitUntil(send, sending, "three messages in outbox/", () -> emls(sending).size() >= 3);

        // 2 messages a second: the last reader is some 20 s away, a CLI start a few
        Run unsubscribe = Cli.jvm(Files.createDirectories(dir.resolve("cli")), "subscribers", "unsubscribe", LAST,
                "--config", config.toString());

        assertThat(unsubscribe.exit()).as(unsubscribe.out()).isZero();
        assertThat(unsubscribe.out()).contains("Unsubscribed " + LAST);
        assertThat(Cli.waitFor(send)).as(Cli.output(sending)).isZero();
        assertThat(emls(sending)).as("everyone but the reader who left mid-send").hasSize(READERS - 1)
                .noneMatch(name -> name.contains("lector40_"));
    }

    @Test
    void theCliWorksNextToServeAndASecondServeOnTheSameFileSaysSeveralNodesNeedPostgresql() throws IOException {
        Path config = config("0");
        Path serving = Files.createDirectories(dir.resolve("serve"));
        Process serve = Cli.start(serving, "serve", "--config", config.toString());
        Cli.awaitUntil(serve, serving, "the scheduler started", () -> Cli.output(serving).contains("Scheduler started"));

        Run list = Cli.jvm(Files.createDirectories(dir.resolve("cli")), "subscribers", "list", "--config", config.toString());
        Run second = Cli.jvm(Files.createDirectories(dir.resolve("second")), "serve", "--config", config.toString());
        int exit = Cli.terminate(serve);

        assertThat(list.exit()).as(list.out()).isZero();
        assertThat(list.out()).contains("lector1@example.org", LAST);
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.out()).contains("another digest serve already runs on this H2 database",
                "several serve nodes need PostgreSQL").doesNotContain("Exception");
        assertThat(exit).as(Cli.output(serving)).isZero();
        assertThat(Cli.output(serving)).contains("stopped; 0 sent, 0 still due");
    }

    private static List<String> emls(Path folder) {
        return Cli.outbox(folder);
    }
}
