package org.resumen.digest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.Cli.Run;
import org.resumen.digest.testing.DemoCopy;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;

/**
 * Issue 5 items 6, 7 and 8 at the command line: what {@code send --force}, {@code --dry-run} and
 * {@code --date} do, the README's exit codes, and the messages a user reads. Demo setup: the five
 * sample subscribers, articles of 15 and 16 December 2025, editions at 07:00 in Buenos Aires (UTC-3).
 */
class SendCommandsIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    /** 06:00 in Buenos Aires on 19 December: an hour before the day's edition closes. */
    private static final Instant BEFORE_CUTOFF = Instant.parse("2025-12-19T09:00:00Z");
    /** 07:05 on 19 December: just after the schedule's time. */
    private static final Instant AFTER_CUTOFF = Instant.parse("2025-12-19T10:05:00Z");
    private static final Instant SATURDAY_NOON = Instant.parse("2025-12-20T15:00:00Z");

    @TempDir
    Path dir;

    private final String database = "jdbc:h2:mem:send-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    private Path config;

    private Path demo(String extraSources) {
        config = DemoCopy.create(dir, greenMail.getSmtp().getPort(), database, extraSources, "");
        return config;
    }

    private Run digestAt(Instant now, String... args) {
        String[] all = Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config";
        all[args.length + 1] = config.toString();
        return Cli.digest(Clock.fixed(now, ZoneOffset.UTC), all);
    }

    // ---- item 6: --force, --dry-run, --date

    @Test
    void item6_aForcedSendOfAnEmptyDayBeforeTheCutoffIsRefusedAndTheScheduledRunStillSendsTheDaysEdition() throws Exception {
        Path urgent = Files.createDirectories(dir.resolve("urgente"));
        demo("  - { name: \"Urgente\", directory: \"" + urgent + "\" }");

        Run forced = digestAt(BEFORE_CUTOFF, "send", "--force");

        assertThat(forced.exit()).isEqualTo(2);
        assertThat(forced.out()).contains("digest: the edition of 2025-12-19 has no article yet and the schedule closes it at"
                + " 2025-12-19 07:00; a forced send now would freeze it empty and the scheduled run would find it already sent."
                + " Nothing sent. Send it with --force after 2025-12-19 07:00, or see it with digest preview or send --to EMAIL");
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        Files.writeString(urgent.resolve("corte.md"), """
                ---
                title: "Corte de luz en el conurbano: 300.000 usuarios sin servicio"
                url: https://elresumen.example/notas/corte-de-luz
                published: 2025-12-19T06:30:00-03:00
                source: Redacción El Resumen
                section: Provincias
                ---

                La distribuidora informó que el servicio volverá durante la mañana.
                """);
        Run scheduled = digestAt(AFTER_CUTOFF, "send");

        assertThat(scheduled.exit()).as(scheduled.out()).isZero();
        assertThat(scheduled.out()).contains("Edition 2025-12-19: 1 articles. This run: 5 due, 4 sent, 0 failed, 0 rejected, 1 skipped")
                .doesNotContain("already sent");
        assertThat(greenMail.getReceivedMessages()).hasSize(4);
        assertThat(greenMail.getReceivedMessages()[0].getSubject()).contains("Corte de luz en el conurbano");
    }

    @Test
    void item6_aDryRunOfAnEmptyEditionSaysNothingIsDue() {
        demo("");
        Run dry = digestAt(SATURDAY_NOON, "send", "--date", "2025-12-19", "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("This run: 0 due, 0 sent",
                "Dry run: 0 due; no new articles for the edition of 2025-12-19 (window 2025-12-17 19:00 to 2025-12-19 07:00,"
                        + " America/Argentina/Buenos_Aires), a real send would send nothing (unless --force).");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void item6_aDryRunOfAnEditionAlreadySentToEveryoneSaysZeroDue() {
        demo("");
        assertThat(digestAt(SATURDAY_NOON, "send", "--date", "2025-12-16").out()).contains("5 due, 5 sent");

        Run dry = digestAt(SATURDAY_NOON, "send", "--date", "2025-12-16", "--dry-run");

        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("This run: 0 due, 0 sent",
                "Dry run: 0 due; the edition of 2025-12-16 was already sent to all 5 subscribers; nothing new to send,"
                        + " a real send would send nothing.");
        assertThat(greenMail.getReceivedMessages()).hasSize(5);
    }

    @Test
    void item6_aFutureDateIsRefusedWithExitTwoUnlessForced() {
        demo("");
        Instant tuesdayMorning = Instant.parse("2025-12-16T10:00:00Z");

        Run future = digestAt(tuesdayMorning, "send", "--date", "2025-12-17");

        assertThat(future.exit()).isEqualTo(2);
        assertThat(future.out()).isEqualTo("digest: the edition of 2025-12-17 is in the future (today is 2025-12-16 in"
                + " America/Argentina/Buenos_Aires); sent now it would carry today's articles under that date. Nothing sent."
                + " Use --force to send it anyway\n");
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        Run forced = digestAt(tuesdayMorning, "send", "--date", "2025-12-17", "--force");
        assertThat(forced.exit()).as(forced.out()).isZero();
        assertThat(forced.out()).contains("Edition 2025-12-17: 9 articles. This run: 5 due, 5 sent");
    }

    // ---- item 7: exit codes

    @Test
    void item7_checkExitsTwoForAConfigErrorAndForAMissingConfigFile() {
        demo("");
        Path missing = dir.resolve("no-existe.yml");
        Run run = Cli.digest(Clock.systemUTC(), "check", "--config", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).contains("problem: config " + missing + ": file not found; expected a YAML file");
    }

    @Test
    void item7_toNobodyIsAUsageErrorWithExitTwo() {
        demo("");
        Run run = digestAt(SATURDAY_NOON, "send", "--date", "2025-12-16", "--to", "nobody");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).startsWith("--to: invalid address \"nobody\"; expected name@domain\n").contains("Usage: digest send");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void item7_anUnknownSubscriberIsAUsageErrorWithExitTwoAndTheAddressAsTyped() {
        demo("");
        Run preview = digestAt(SATURDAY_NOON, "preview", "--date", "2025-12-16", "--subscriber", "Nadie@Example.org");
        assertThat(preview.exit()).isEqualTo(2);
        assertThat(preview.out()).isEqualTo("digest: no subscriber \"Nadie@Example.org\" (the address is looked up as typed,"
                + " case aside); see: digest subscribers list\n");
        Run unsubscribe = digestAt(SATURDAY_NOON, "subscribers", "unsubscribe", "nadie@example.org");
        assertThat(unsubscribe.exit()).isEqualTo(2);
        assertThat(unsubscribe.out()).contains("No subscriber nadie@example.org; see: digest subscribers list");
    }

    // ---- item 8: messages

    @Test
    void item8_aBadDateSaysExpectedYyyyMmDd() {
        Run run = Cli.digest(Clock.systemUTC(), "send", "--date", "16/12/2025");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).startsWith("Invalid value for option '--date': \"16/12/2025\" is not a date; expected YYYY-MM-DD,"
                + " like 2025-12-16\n").doesNotContain("java.time", "Exception");
    }

    @Test
    void item8_theEmptyEditionWindowIsInTheNewslettersZoneToTheMinute() {
        demo("");
        Run run = digestAt(SATURDAY_NOON, "send", "--date", "2025-12-19");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("No new articles for the edition of 2025-12-19 (window 2025-12-17 19:00 to 2025-12-19 07:00,"
                + " America/Argentina/Buenos_Aires); nothing sent (use --force to send anyway).");
    }

    @Test
    void item8_rejectedRecipientsAreShownInFullOnTheTerminalAndTheProgressSaysRejected() throws Exception {
        ReceivedMail received = new ReceivedMail();
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received)
                .refusingAlways("john.carter@example.com", 550, "5.1.1 <john.carter@example.com>: no such mailbox").start(0)) {
            config = DemoCopy.create(dir, smtp.port(), database, "", "");
            Run run = digestAt(SATURDAY_NOON, "send", "--date", "2025-12-16");

            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.out()).contains("Sending: 5/5 done, 4 sent, 0 failed, 1 rejected,",
                    "This run: 5 due, 4 sent, 0 failed, 1 rejected, 0 skipped",
                    "not sent: john.carter@example.com: rejected: 550 5.1.1 <john.carter@example.com>: no such mailbox");
            assertThat(received.messagesPerRecipient()).containsOnlyKeys("maria.nunez@example.org", "ramon.ibanez@example.net",
                    "lucia.pena@example.org", "begona.alvarez@example.com");
        }
    }

    @Test
    void item8_aTestSendShowsTheAddressAsTyped() throws Exception {
        demo("");
        Run run = digestAt(SATURDAY_NOON, "send", "--date", "2025-12-16", "--to", "editora@example.org");
        assertThat(run.out()).contains("Test send to editora@example.org (not recorded as a delivery of the edition).");
        assertThat(((InternetAddress) greenMail.getReceivedMessages()[0].getAllRecipients()[0]).getAddress())
                .isEqualTo("editora@example.org");
    }
}
