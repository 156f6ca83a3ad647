package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.Cli.Run;
import org.resumen.digest.testing.DemoFiles;

/**
 * Issue 5 items 7 and 9, as a real process: {@code send} and {@code serve} stopped by SIGTERM print
 * "stopped; N sent, M still due" once the messages in flight are recorded and exit with the
 * README's code (1 while deliveries are left due, 0 when none are), and the embedded SMTP server's
 * outbox holds one file per accepted message at that moment; the next send delivers exactly the rest.
 */
class StoppedBySigtermIT {
    private static final int READERS = 30;
    private static final Pattern STOPPED = Pattern.compile("stopped; (\\d+) sent, (\\d+) still due");

    @TempDir
    Path dir;

    /** The demo sources and templates, READERS subscribers, the embedded SMTP server at 5 messages a second, H2 in dir/data. */
    private Path config() throws IOException {
        Path subscribers = Files.createDirectories(dir.resolve("subscribers"));
        List<String> rows = new ArrayList<>(List.of(DemoFiles.CSV_HEADER));
        IntStream.rangeClosed(1, READERS).forEach(i -> rows.add("lector" + i + "@example.org,Lector " + i + ",es-AR,"));
        Files.write(subscribers.resolve("lectores.csv"), rows);
        return Files.writeString(dir.resolve("digest.yml"), """
                sources:
                  - { name: "Diario del Plata", feed: "%s" }
                  - { name: "Redacción El Resumen", directory: "%s" }
                subscribers: "%s"
                templates: "%s"
                smtp: { host: "", connections: 1, max-per-second: 5 }
                database: { url: "jdbc:h2:file:%s" }
                secret: "%s"
                """.formatted(Path.of("sources/diario-del-plata.xml").toAbsolutePath(), Path.of("sources/redaccion").toAbsolutePath(),
                subscribers, Path.of("templates").toAbsolutePath(), dir.resolve("data/digest"), DemoFiles.SECRET));
    }

    @Test
    void aSendStoppedBySigtermPrintsWhatItSentAndWhatIsStillDueAndTheOutboxHoldsEachAcceptedMessage() throws IOException {
        Path config = config();
        Process send = Cli.start(dir, "send", "--date", "2025-12-16", "--config", config.toString());
        Cli.awaitUntil(send, dir, "three messages in outbox/", () -> emls().size() >= 3);

        int exit = Cli.terminate(send);

        String out = Cli.output(dir);
        Matcher stopped = STOPPED.matcher(out);
        assertThat(stopped.find()).as(out).isTrue();
        int sent = Integer.parseInt(stopped.group(1));
        int stillDue = Integer.parseInt(stopped.group(2));
        assertThat(exit).as(out).isEqualTo(1);
        assertThat(emls()).as("one file per accepted message; it printed:\n" + out).hasSize(sent);
        assertThat(sent + stillDue).isEqualTo(READERS);
        assertThat(stillDue).isPositive();
        assertThat(out).contains("(the next digest send of that date sends them)").doesNotContain("Exception");

        Run rest = Cli.jvm(dir, "send", "--date", "2025-12-16", "--config", config.toString());

        assertThat(rest.exit()).as(rest.out()).isZero();
        assertThat(rest.out()).contains("This run: " + stillDue + " due, " + stillDue + " sent", "Already sent by earlier runs: " + sent);
        assertThat(emls()).hasSize(READERS);
        assertThat(emls().stream().map(f -> f.replaceFirst("^\\d+-", "")).distinct()).as("nobody twice").hasSize(READERS);
    }

    @Test
    void serveStoppedBySigtermPrintsTheClosingLineAndExitsZero() throws IOException {
        Path config = config();
        Process serve = Cli.start(dir, "serve", "--config", config.toString());
        Cli.awaitUntil(serve, dir, "the scheduler started", () -> Cli.output(dir).contains("Scheduler started"));

        int exit = Cli.terminate(serve);

        String out = Cli.output(dir);
        assertThat(out).contains("stopped; 0 sent, 0 still due").doesNotContain("Exception");
        assertThat(exit).as(out).isZero();
    }

    private List<String> emls() {
        return Cli.outbox(dir);
    }
}
