package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.Cli.Run;
import org.resumen.digest.testing.DemoFiles;

/**
 * Issue 5 items 1, 2 and 3 end to end: a feed item nested 5,000 deep, a Markdown body of 10,000
 * {@code > }, a subscriber name over 300 characters and a NUL in a name stopped ingest, check and send
 * for everyone; now each is reported once, by source or file:line, and the others still get mail.
 */
class BadInputIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2025-12-16T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void aDeeplyNestedFeedItemAndMarkdownFileAreReportedOnceAndTheRestIsIngested() throws IOException {
        Path config = setup();

        Run run = Cli.digest(clock, "ingest", "--config", config.toString());

        assertThat(run.out()).contains("Diario del Plata: 6 fetched, 6 new", "Hondo: 1 fetched, 1 new",
                "problem: source \"Hondo\" (" + dir.resolve("hondo.xml") + "): item 1: elements nested more than 100"
                        + " levels deep; expected at most 100; skipped",
                "problem: source \"Redacción honda\": " + dir.resolve("honda/citas.md") + ":6: the Markdown nests block"
                        + " quotes, lists or emphasis more than 100 levels deep; expected at most 100");
        assertThat(occurrences(run.out(), "item 1: elements nested")).isEqualTo(1);
        assertThat(run.exit()).isZero();
    }

    @Test
    void anOverLongNameIsReportedByCheckAndSkippedBySendWhileTheOthersGetMail() throws Exception {
        Path config = setup();
        Path csv = dir.resolve("subscribers/ejemplo.csv");
        Files.writeString(csv, "largo@example.org," + "Ñ".repeat(301) + ",es,,\n"
                + "nul@example.org,Nu\u0000la Peña,es,,\n", java.nio.file.StandardOpenOption.APPEND);

        Run check = Cli.digest(clock, "check", "--config", config.toString());
        Run dryRun = Cli.digest(clock, "send", "--date", "2025-12-16", "--dry-run", "--config", config.toString());
        Run send = Cli.digest(clock, "send", "--date", "2025-12-16", "--config", config.toString());

        String problem = "problem: " + csv + ":7: name is longer than 300 characters";
        assertThat(check.out()).contains(problem).doesNotContain("Everything checks out");
        assertThat(dryRun.out()).contains(problem);
        assertThat(send.out()).contains(problem, "6 sent");
        assertThat(greenMail.getReceivedMessages()).extracting(BadInputIT::recipient)
                .contains("\"Nula Peña\" <nul@example.org>").noneMatch(to -> to.contains("largo@example.org"));
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).toUnicodeString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path setup() throws IOException {
        copy(Path.of("templates"), dir.resolve("templates"));
        copy(Path.of("subscribers"), dir.resolve("subscribers"));
        Path feed = Files.writeString(dir.resolve("hondo.xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rss version=\"2.0\"><channel><title>Hondo</title><link>https://hondo.example/</link><description>d"
                + "</description>\n<item><title>Anidada</title><link>https://hondo.example/anidada</link><description>"
                + "<a>".repeat(5000) + "x" + "</a>".repeat(5000) + "</description></item>\n"
                + "<item><title>Sesión en el Senado</title><link>https://hondo.example/senado</link>"
                + "<pubDate>Tue, 16 Dec 2025 08:00:00 -0300</pubDate><description>Texto.</description></item>"
                + "</channel></rss>\n");
        Path folder = Files.createDirectories(dir.resolve("honda"));
        Files.writeString(folder.resolve("citas.md"), "---\ntitle: Citas\nurl: https://hondo.example/citas\n"
                + "published: 2025-12-16T06:30:00-03:00\n---\n" + "> ".repeat(10_000) + "x\n");
        return DemoFiles.writeDemoConfig(dir.resolve("digest.yml"), dir.resolve("subscribers"), dir.resolve("templates"),
                greenMail.getSmtp().getPort(), "jdbc:h2:mem:bad-input-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "  - { name: \"Hondo\", feed: \"" + feed + "\" }\n  - { name: \"Redacción honda\", directory: \"" + folder + "\" }",
                "");
    }

    private static int occurrences(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
