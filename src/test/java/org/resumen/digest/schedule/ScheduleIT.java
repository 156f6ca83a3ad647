package org.resumen.digest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.Scheduler;
import org.quartz.listeners.JobListenerSupport;
import org.resumen.digest.App;
import org.resumen.digest.cli.DigestCommand;
import org.resumen.digest.config.Config;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.delivery.Progress;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;

/**
 * Quartz for real: the cron trigger of {@code serve} in a JDBC job store fires and sends the edition
 * once, and a manual send runs the very same job class.
 */
class ScheduleIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    /** A feed with two items published in the last hours (real time), and two subscribers. */
    private Path config(String cron) throws IOException {
        Instant now = Instant.now();
        Files.writeString(dir.resolve("feed.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Diario del Plata</title><link>https://diariodelplata.example/</link>
                <item><guid>ddp-s1</guid><title>El Concejo votó la tasa vial: “no hay otra salida”</title>
                  <link>https://diariodelplata.example/s1</link><category>Política</category>
                  <pubDate>%s</pubDate><description>Ajustada votación en el Concejo de Villa Ñandú…</description></item>
                <item><guid>ddp-s2</guid><title>La canasta básica subió 3,1 %% en noviembre</title>
                  <link>https://diariodelplata.example/s2</link><category>Economía</category>
                  <pubDate>%s</pubDate><description>El dato oficial llegó con «sorpresa».</description></item>
                </channel></rss>
                """.formatted(rfc1123(now.minus(Duration.ofHours(2))), rfc1123(now.minus(Duration.ofHours(1)))));
        Files.createDirectories(dir.resolve("subscribers"));
        Files.writeString(dir.resolve("subscribers/lista.csv"),
                "email,name,locale,topics\nines@example.org,Inés Ñañez,es,\nbob@example.com,Bob,en,Economía\n");
        Path file = dir.resolve("digest.yml");
        Files.writeString(file, """
                newsletter: { timezone: UTC, schedule: "%s" }
                sources:
                  - { name: "Diario del Plata", feed: "%s" }
                subscribers: "%s"
                templates: "%s"
                smtp: { host: 127.0.0.1, port: %d }
                database: { url: "jdbc:h2:mem:schedule-%s;DB_CLOSE_DELAY=-1" }
                secret: "schedule-secret-for-tests-012345"
                web: { port: 0 }
                """.formatted(cron, dir.resolve("feed.xml"), dir.resolve("subscribers"), Path.of("templates").toAbsolutePath(),
                greenMail.getSmtp().getPort(), UUID.randomUUID()));
        return file;
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String rfc1123(Instant instant) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atZone(ZoneOffset.UTC));
    }

    /** A Quartz cron expression for one exact second, a few seconds from now (UTC). */
    private static String cronAt(ZonedDateTime t) {
        return t.getSecond() + " " + t.getMinute() + " " + t.getHour() + " * * ?";
    }

    @Test
    void serveSendsTheEditionWhenTheTriggerFiresAndOnlyOnce() throws Exception {
        ZonedDateTime fireAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        Path config = config(cronAt(fireAt));
        StringWriter out = new StringWriter();
        ExecutorService thread = Executors.newSingleThreadExecutor();
        Future<Integer> serve = thread.submit(() -> DigestCommand.commandLine(Clock.systemUTC(), new PrintWriter(out, true),
                new PrintWriter(out, true)).execute("serve", "--exit-after", "1", "--config", config.toString()));
        int exit = serve.get(60, TimeUnit.SECONDS);
        thread.shutdown();
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Scheduler started (" + cronAt(fireAt) + ", UTC); next edition at "
                + java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(fireAt));
        assertThat(out.toString()).contains("2 articles. This run: 2 due, 2 sent");
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(java.util.Arrays.stream(greenMail.getReceivedMessages()).map(ScheduleIT::subject))
                .anyMatch(subject -> subject.contains("«La canasta básica subió 3,1 % en noviembre»"))
                .anyMatch(subject -> subject.contains("\"La canasta básica subió 3,1 % en noviembre\""));

        StringWriter again = new StringWriter();
        int second = DigestCommand.commandLine(Clock.systemUTC(), new PrintWriter(again, true), new PrintWriter(again, true))
                .execute("send", "--config", config.toString());
        assertThat(second).isZero();
        assertThat(again.toString()).contains("already sent to all 2 subscribers; nothing new to send");
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void theScheduleAndAManualSendRunTheSameJob() throws Exception {
        ZonedDateTime fireAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        Config config = ConfigLoader.load(config(cronAt(fireAt)), Map.of()).orThrow();
        List<Object> jobsRun = new CopyOnWriteArrayList<>();
        try (App app = App.open(config, Clock.systemUTC())) {
            Scheduler persistent = Scheduling.persistent(app.database.dataSource(), false, app.sendEdition, app.editions, app.clock);
            Scheduling.scheduleDaily(persistent, config.newsletter());
            persistent.getListenerManager().addJobListener(recorder(jobsRun));
            persistent.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (jobsRun.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            persistent.shutdown(true);

            Scheduler manual = Scheduling.inMemory(app.sendEdition, app.editions, app.clock);
            manual.getListenerManager().addJobListener(recorder(jobsRun));
            manual.start();
            SendReport report = Scheduling.runNow(manual, new SendOptions(null, null, false, false), Progress.NONE);
            manual.shutdown(true);
            assertThat(report.due()).isZero();
            assertThat(report.note()).contains("already sent to all 2 subscribers");
        }
        assertThat(jobsRun).hasSize(2).allMatch(job -> job instanceof SendEditionJob);
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aFireMoreThanSixHoursAfterItsScheduledTimeIsDroppedNotSentLate() {
        Instant scheduled = Instant.parse("2025-12-16T10:00:00Z");
        assertThat(SendEditionJob.tooLate(scheduled, scheduled.plus(Duration.ofHours(5)), Duration.ofHours(6))).isEmpty();
        assertThat(SendEditionJob.tooLate(scheduled, scheduled.plus(Duration.ofHours(7)), Duration.ofHours(6))).hasValue(
                "edition scheduled at 2025-12-16T10:00:00Z not sent: that is more than 6h ago, past newsletter.send-deadline (the service was down); it is skipped, never sent late");
    }

    private static JobListenerSupport recorder(List<Object> jobsRun) {
        return new JobListenerSupport() {
            @Override
            public String getName() {
                return "recorder";
            }

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException e) {
                jobsRun.add(context.getJobInstance());
            }
        };
    }
}
