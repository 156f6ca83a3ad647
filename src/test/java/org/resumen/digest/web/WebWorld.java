package org.resumen.digest.web;

import org.resumen.digest.testing.MovableClock;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.delivery.Progress;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.testing.TestWorld;

/**
 * A newsletter with sections (Economía, Política, Deportes) in an article folder, two readers, an
 * SMTP server (GreenMail), the application on a clock the test moves, and its web server on a free
 * loopback port. Mail links point at {@link #BASE_URL}; {@link #onServer} turns them into this
 * server's address, as a proxy in front of it would.
 */
final class WebWorld implements AutoCloseable {
    static final String BASE_URL = "https://resumen.example.net";
    static final LocalDate FIRST = LocalDate.of(2025, 12, 16);
    static final LocalDate SECOND = LocalDate.of(2025, 12, 17);
    static final String ANA = "ana@example.org";
    static final String BETO = "beto@example.com";
    static final String ECONOMY_FIRST = "El dólar oficial cerró estable y las reservas subieron";
    static final String ECONOMY_SECOND = "La inflación de noviembre fue del 2,4 %, según el Indec";
    static final String POLITICS_SECOND = "«Sin acuerdo no hay sesión»: la oposición condiciona el presupuesto";
    static final String SPORTS_SECOND = "River y Boca empataron un clásico de ñandúes y goles";

    final App app;
    final WebServer server;
    final GreenMailExtension mail;
    private final Path articles;
    private final MovableClock clock;

    WebWorld(Path dir, GreenMailExtension mail) {
        this(dir, mail, Map.of());
    }

    /** The same world with {@code environment} (DIGEST_* variables: e.g. the database on PostgreSQL, Postgres.environmentFor). */
    WebWorld(Path dir, GreenMailExtension mail, Map<String, String> environment) {
        this(dir, mail, mail.getSmtp().getPort(), environment);
    }

    /** The same world sending to another SMTP server on {@code smtpPort} (one that can refuse recipients); no GreenMail. */
    WebWorld(Path dir, int smtpPort) {
        this(dir, null, smtpPort, Map.of());
    }

    private WebWorld(Path dir, GreenMailExtension mail, int smtpPort, Map<String, String> environment) {
        this.mail = mail;
        this.articles = dir.resolve("articles");
        this.clock = new MovableClock(Instant.parse("2025-12-16T10:00:00Z"));
        firstDaysArticles();
        write(dir.resolve("subscribers/main.csv"), "email,name,locale,topics\n"
                + ANA + ",Ana Núñez,es-AR,\n" + BETO + ",Beto Ibáñez,es,\n");
        Path config = write(dir.resolve("digest.yml"), """
                newsletter:
                  name: "Resumen Político"
                  from: "Resumen Político <boletin@resumen.example.net>"
                  base-url: "%s"
                sources:
                  - { name: "Redacción", directory: "%s" }
                subscribers: "%s"
                templates: "%s"
                smtp: { host: 127.0.0.1, port: %d }
                database: { url: "jdbc:h2:mem:web-%s;DB_CLOSE_DELAY=-1" }
                secret: "clave-de-prueba-32-caracteres-ok"
                """.formatted(BASE_URL, articles.toAbsolutePath(), dir.resolve("subscribers").toAbsolutePath(),
                Path.of("templates").toAbsolutePath(), smtpPort, UUID.randomUUID()));
        this.app = App.open(ConfigLoader.load(config, environment).orThrow(), clock, TestWorld.QUICK_RETRIES);
        this.server = WebServer.start(app, "127.0.0.1", 0);
    }

    /** Sends the first edition (three articles, one per section) at 07:00 in Buenos Aires on the 16th. */
    SendReport sendFirst() {
        return app.sendEdition.run(SendOptions.scheduled(FIRST), Progress.NONE);
    }

    /** Adds the next day's three articles and sends the edition of the 17th at its 07:00. */
    SendReport sendSecond() {
        article("inflacion", ECONOMY_SECOND, "Economía", "2025-12-16T16:00:00-03:00");
        article("presupuesto", POLITICS_SECOND, "Política", "2025-12-16T19:00:00-03:00");
        article("clasico", SPORTS_SECOND, "Deportes", "2025-12-16T22:00:00-03:00");
        clock.set(Instant.parse("2025-12-17T10:00:00Z"));
        return app.sendEdition.run(SendOptions.scheduled(SECOND), Progress.NONE);
    }

    /** What a send does first and the console's pages do not: the subscriber files synced, the sources pulled. */
    void syncAndIngest() {
        app.subscribers.syncFolder(app.config.subscribers());
        app.ingester.ingestAll();
    }

    /** Moves the application's clock {@code by} forward (an expired link, a rate limit's window). */
    void later(java.time.Duration by) {
        clock.set(clock.instant().plus(by));
    }

    /** Waits until GreenMail holds {@code count} messages in all (mail sent in the background). */
    void awaitMessages(int count) {
        if (!mail.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " messages, GreenMail has " + mail.getReceivedMessages().length);
        }
    }

    Subscriber subscriber(String email) {
        return app.subscribers.byEmail(email).orElseThrow();
    }

    /** The messages GreenMail received for {@code email}, oldest first. */
    List<MimeMessage> messagesTo(String email) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> recipient(m).equals(email)).toList();
    }

    /** The HTML body of the latest message to {@code email}. */
    String latestHtml(String email) {
        List<MimeMessage> messages = messagesTo(email);
        try {
            MimeMultipart parts = (MimeMultipart) messages.get(messages.size() - 1).getContent();
            return (String) parts.getBodyPart(1).getContent();
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first link of the latest message's HTML to {@code email} whose path starts {@code /prefix/}, on this server. */
    String linkInMail(String email, String prefix) {
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(BASE_URL + "/" + prefix + "/") + "[^\"]+)\"")
                .matcher(latestHtml(email));
        if (!link.find()) {
            throw new AssertionError("no " + prefix + " link in the mail to " + email);
        }
        return onServer(link.group(1));
    }

    /** The "Menos de {section}" link of the latest mail to {@code email}, on this server. */
    String muteLinkInMail(String email, String section) {
        Matcher link = Pattern.compile("href=\"(" + Pattern.quote(BASE_URL + "/mute/") + "[^\"]+)\"[^>]*>Menos de "
                + Pattern.quote(section) + "</a>").matcher(latestHtml(email));
        if (!link.find()) {
            throw new AssertionError("no link for less " + section + " in the mail to " + email);
        }
        return onServer(link.group(1));
    }

    /** The https URL of the List-Unsubscribe header of the latest message to {@code email}, on this server. */
    String listUnsubscribe(String email) {
        List<MimeMessage> messages = messagesTo(email);
        try {
            Matcher url = Pattern.compile("<(https://[^>]+)>").matcher(messages.get(messages.size() - 1).getHeader("List-Unsubscribe", ","));
            if (!url.find()) {
                throw new AssertionError("no https URL in List-Unsubscribe");
            }
            return onServer(url.group(1));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    String onServer(String mailUrl) {
        if (!mailUrl.startsWith(BASE_URL + "/")) {
            throw new AssertionError(mailUrl + " does not start with newsletter.base-url " + BASE_URL);
        }
        return server.url() + mailUrl.substring(BASE_URL.length());
    }

    @Override
    public void close() {
        server.close();
        app.close();
    }

    private void firstDaysArticles() {
        article("dolar", ECONOMY_FIRST, "Economía", "2025-12-15T18:00:00-03:00");
        article("gobernadores", "Gobernadores del norte reclaman fondos para rutas", "Política", "2025-12-15T20:00:00-03:00");
        article("seleccion", "La selección femenina ganó la Copa América de vóley", "Deportes", "2025-12-15T22:00:00-03:00");
    }

    private void article(String slug, String title, String section, String published) {
        write(articles.resolve(slug + ".md"), """
                ---
                title: "%s"
                url: https://resumen.example.net/notas/%s
                published: %s
                source: Redacción
                section: %s
                tags: [%s]
                summary: "Resumen de la nota «%s»."
                ---

                Cuerpo de la nota, con acentos y eñes: año, señal, camión.
                """.formatted(title.replace("\"", "\\\""), slug, published, section, slug, slug));
    }

    private static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
