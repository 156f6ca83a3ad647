package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.MovableClock;
import org.resumen.digest.testing.TestWorld;

/**
 * The source-health gate at edition time, through the one send use case, with two feeds and an
 * alerts address, on a clock the grace's waits move: a feed that comes back within the grace, one
 * that never does (sent without it, one alert), and every feed down (held, nothing frozen, one alert
 * however often it is tried, then released by hand).
 */
class SourceGateIT {
    private static final String ALERTS = "redaccion@resumen.example.org";

    @RegisterExtension
    static final GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(TestWorld.NOW);
    private App app;
    private Path good;
    private Path broken;

    @AfterEach
    void close() {
        app.close();
    }

    @Test
    void aFeedThatComesBackWithinTheGraceIsWaitedForAndNoAlertGoesOut() throws IOException {
        start();
        app.sendEdition.sleepWith(wait -> {
            try {
                Files.copy(good, broken, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            clock.advance(wait);
        });

        SendReport report = app.sendEdition.run(SendOptions.onSchedule(TestWorld.EDITION_DATE), Progress.NONE);

        assertThat(report.held()).isFalse();
        assertThat(report.sent()).isEqualTo(2);
        assertThat(messagesTo(ALERTS)).isEmpty();
    }

    @Test
    void aFeedStillFailingAfterTheGraceIsLeftOutAndAlertedOnceWithWhatFailedAndSinceWhen() throws Exception {
        start();
        app.sendEdition.sleepWith(clock::advance);

        SendReport report = app.sendEdition.run(SendOptions.onSchedule(TestWorld.EDITION_DATE), Progress.NONE);

        assertThat(report.sent()).isEqualTo(2);
        assertThat(clock.instant()).isEqualTo(TestWorld.NOW.plus(java.time.Duration.ofMinutes(20)));
        List<MimeMessage> alerts = messagesTo(ALERTS);
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).getSubject()).isEqualTo("Resumen Político: edition of 2025-12-16 sent without failing sources");
        String text = (String) ((jakarta.mail.internet.MimeMultipart) alerts.get(0).getContent()).getBodyPart(0).getContent();
        assertThat(text).contains("sent without \"Diario Roto\"",
                "source \"Diario Roto\" failing since 2025-12-16 07:00 (America/Argentina/Buenos_Aires)", "roto.xml");
    }

    @Test
    void withEveryFeedDownTheEditionIsHeldNotFrozenAlertedOnceAndGoesOutWhenReleased() throws IOException {
        start();
        Files.copy(good, broken);
        app.ingester.ingestAll();
        Files.delete(good);
        Files.delete(broken);
        app.sendEdition.sleepWith(clock::advance);

        SendReport held = app.sendEdition.run(SendOptions.onSchedule(TestWorld.EDITION_DATE), Progress.NONE);
        SendReport heldAgain = app.sendEdition.run(SendOptions.onSchedule(TestWorld.EDITION_DATE), Progress.NONE);

        assertThat(held.held()).isTrue();
        assertThat(held.ok()).isFalse();
        assertThat(held.note()).startsWith("held: every source failed; the edition is held (not sent, not frozen)")
                .contains("digest send --date 2025-12-16 --release");
        assertThat(heldAgain.held()).isTrue();
        assertThat(app.editions.find(TestWorld.EDITION_DATE)).isEmpty();
        assertThat(messagesTo("ana@example.org")).isEmpty();
        assertThat(messagesTo(ALERTS)).hasSize(1);

        SendReport released = app.sendEdition.run(new SendOptions(TestWorld.EDITION_DATE, null, false, false, true),
                Progress.NONE);
        // a send by hand does not wait for failing sources: one pull, then the gate decides

        assertThat(released.held()).isFalse();
        assertThat(released.sent()).isEqualTo(2);
        assertThat(messagesTo("ana@example.org")).hasSize(1);
    }

    private void start() throws IOException {
        Path config = TestWorld.create(dir, mail.getSmtp().getPort(), readers("ana@example.org", "beto@example.org"));
        good = dir.resolve("feed.xml");
        broken = dir.resolve("roto.xml");
        String yaml = Files.readString(config, StandardCharsets.UTF_8)
                .replace("newsletter:\n", "newsletter:\n  alerts: [\"" + ALERTS + "\"]\n")
                .replace("sources:\n", "sources:\n  - name: \"Diario Roto\"\n    feed: \"" + broken.toAbsolutePath() + "\"\n");
        Files.writeString(config, yaml, StandardCharsets.UTF_8);
        app = App.open(ConfigLoader.load(config, Map.of()).orThrow(), clock, TestWorld.QUICK_RETRIES);
    }

    private static List<MimeMessage> messagesTo(String address) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> GreenMailUtil.getAddressList(
                uncheckedRecipients(m)).contains(address)).toList();
    }

    private static jakarta.mail.Address[] uncheckedRecipients(MimeMessage message) {
        try {
            return message.getAllRecipients();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
