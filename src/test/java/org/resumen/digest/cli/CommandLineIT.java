package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.DemoFiles;
import org.resumen.digest.testing.Cli.Run;

/** What a user sees at the command line: problems named by file, line or key; exit codes; usage. */
class CommandLineIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2025-12-20T12:00:00Z"), ZoneOffset.UTC);

    private Run digest(String... args) {
        return Cli.digest(clock, args);
    }

    /** A working copy of the shipped templates, subscribers and demo sources, and a config using them. */
    private Path setup(String extraYaml, String extraSources) throws IOException {
        copy(Path.of("templates"), dir.resolve("templates"));
        copy(Path.of("subscribers"), dir.resolve("subscribers"));
        return DemoFiles.writeDemoConfig(dir.resolve("digest.yml"), dir.resolve("subscribers"), dir.resolve("templates"),
                greenMail.getSmtp().getPort(), "jdbc:h2:mem:cli-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", extraSources, extraYaml);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }

    /** Breaks digest.html on the line that shows the edition date; returns that line's number. */
    private int breakTemplate() throws IOException {
        Path html = dir.resolve("templates/digest.html");
        List<String> lines = Files.readAllLines(html, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("th:text=\"${editionDate}\"")) {
                lines.set(i, lines.get(i).replace("${editionDate}", "${edition.date.missing}"));
                Files.write(html, lines, StandardCharsets.UTF_8);
                return i + 1;
            }
        }
        throw new AssertionError("digest.html has no ${editionDate} line");
    }

    @Test
    void checkPassesOnTheShippedSetup() throws IOException {
        Run run = digest("check", "--config", setup("", "").toString());
        assertThat(run.out()).contains("Everything checks out");
        assertThat(run.exit()).isZero();
    }

    @Test
    void checkReportsEachProblemWithItsFileLineOrKeyAndExitsNonZero() throws IOException {
        Path config = setup("newsletter: { max-articles: muchos }", "  - { name: \"Caído\", feed: \"http://127.0.0.1:9/feed.xml\" }");
        int line = breakTemplate();
        Files.writeString(dir.resolve("subscribers/extra.csv"), "email,name,locale,topics\nok@example.org,Ok,es,\nana@@example.org,Ana,es,\n");
        Run run = digest("check", "--config", config.toString());
        assertThat(run.exit()).as("a config problem among them: 2, as for send").isEqualTo(2);
        assertThat(run.out()).contains(
                "problem: config " + config + ": newsletter.max-articles must be a whole number from 1 to 500, got \"muchos\"",
                "problem: " + dir.resolve("templates/digest.html") + " line " + line + ":",
                "extra.csv:3: invalid address \"ana@@example.org\"; expected name@domain",
                "problem: source \"Caído\" (http://127.0.0.1:9/feed.xml)",
                "4 problem(s) found.");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aBrokenTemplateStopsTheSendBeforeTheFirstEmail() throws IOException {
        Path config = setup("", "");
        int line = breakTemplate();
        Run run = digest("send", "--date", "2025-12-16", "--config", config.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).startsWith("digest: " + dir.resolve("templates/digest.html") + " line " + line + ":");
        assertThat(run.out()).doesNotContain("\tat org.");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aBrokenFeedIsReportedByNameWhileTheOtherSourcesAreStillIngested() throws IOException {
        Path broken = dir.resolve("roto.xml");
        Files.writeString(broken, "<rss version=\"2.0\"><channel><title>Roto</title><item><title>Sin cerrar</channel></rss>");
        Path config = setup("", "  - { name: \"Feed roto\", feed: \"" + broken + "\" }");
        Run run = digest("ingest", "--config", config.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.out()).contains("Feed roto: 0 fetched, 0 new, FAILED", "problem: source \"Feed roto\"",
                "Diario del Plata: 6 fetched, 6 new", "Redacción El Resumen: 5 fetched, 5 new", "11 new articles.");
    }

    @Test
    void aSendWithASourceProblemStillSendsButExitsNonZero() throws IOException {
        Path config = setup("", "  - { name: \"Caído\", feed: \"http://127.0.0.1:9/feed.xml\" }");
        Run run = digest("send", "--date", "2025-12-16", "--config", config.toString());
        assertThat(run.out()).contains("problem: source \"Caído\"", "5 sent");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(greenMail.getReceivedMessages()).hasSize(5);
    }

    @Test
    void wrongArgumentsPrintUsageWithAnExampleAndExitTwo() {
        Run badDate = digest("send", "--date", "ayer");
        assertThat(badDate.exit()).isEqualTo(2);
        assertThat(badDate.out()).contains("Invalid value for option '--date'", "Usage: digest send", "digest send --date 2025-12-16");
        Run noCommand = digest();
        assertThat(noCommand.exit()).isEqualTo(2);
        assertThat(noCommand.out()).contains("a command is missing", "Usage: digest");
        assertThat(digest("frobnicate").exit()).isEqualTo(2);
    }

    @Test
    void aBadConfigValueStopsEveryCommandBeforeAnythingRunsWithExitTwo() throws IOException {
        Path config = setup("smtp: { tls: tls }", "");
        Run run = digest("send", "--config", config.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEqualTo("digest: config " + config + ": smtp.tls must be none, starttls or ssl, got \"tls\"\n");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("send", "preview", "ingest", "serve", "check", "subscribers")) {
            Run help = digest(command, "--help");
            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("Usage: digest " + command);
        }
    }

    @Test
    void previewWritesTheHtmlOfOneSubscriberWithoutSending() throws IOException {
        Path config = setup("", "");
        Path out = dir.resolve("preview/ramon.html");
        Run run = digest("preview", "--date", "2025-12-16", "--subscriber", "ramon.ibanez@example.net", "--out", out.toString(), "--config", config.toString());
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("Subject: El Resumen — martes 16 de diciembre: «");
        assertThat(Files.readString(out)).contains("<html lang=\"es\"", "Hola, Ramón Ibáñez:");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
}
