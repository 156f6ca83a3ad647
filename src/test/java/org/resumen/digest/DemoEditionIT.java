package org.resumen.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.DemoFiles;
import org.resumen.digest.testing.Cli.Run;
import org.resumen.digest.subscriber.Secret;
import org.resumen.digest.subscriber.Tokens;

/**
 * The demo shipped in the repository, end to end through the command line: feed + article folder ->
 * edition -> Thymeleaf -> Jakarta Mail -> GreenMail, as a subscriber would notice it.
 */
class DemoEditionIT {
    private static final String SECRET = DemoFiles.SECRET;

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2025-12-20T12:00:00Z"), ZoneOffset.UTC);
    private final String database = "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    /** A config on the shipped demo sources, subscribers and templates, sending to GreenMail. */
    private Path config() throws IOException {
        Path subscribers = Files.createDirectories(dir.resolve("subscribers"));
        Files.copy(Path.of("subscribers/ejemplo.csv"), subscribers.resolve("ejemplo.csv"));
        return DemoFiles.writeDemoConfig(dir.resolve("digest.yml"), subscribers, Path.of("templates"),
                greenMail.getSmtp().getPort(), database, "", "");
    }

    private Run digest(String... args) {
        return Cli.digest(clock, args);
    }

    @Test
    void everySubscriberGetsOneDigestWithTheirTopicsInTheirLanguageAndASecondSendDeliversNothingNew() throws Exception {
        Path config = config();
        Run first = digest("send", "--date", "2025-12-16", "--config", config.toString());
        assertThat(first.exit()).as(first.out()).isZero();
        assertThat(first.out()).contains("Edition 2025-12-16: 9 articles. This run: 5 due, 5 sent, 0 failed, 0 rejected, 0 skipped");

        MimeMessage[] received = greenMail.getReceivedMessages();
        Map<String, MimeMessage> byAddress = new HashMap<>();
        for (MimeMessage m : received) {
            assertThat(byAddress.put(((InternetAddress) m.getAllRecipients()[0]).getAddress(), m)).as("one message each").isNull();
        }
        assertThat(byAddress.keySet()).containsExactlyInAnyOrder("maria.nunez@example.org", "john.carter@example.com",
                "ramon.ibanez@example.net", "lucia.pena@example.org", "begona.alvarez@example.com");

        Map<String, String> sectionOfTitle = editionSections();
        assertThat(sectionOfTitle).hasSize(9);
        Tokens tokens = new Tokens(Secret.loadOrCreate(SECRET, dir));
        for (Map.Entry<String, MimeMessage> e : byAddress.entrySet()) {
            MimeMessage message = e.getValue();
            String text = part(message, 0, "text/plain").replaceAll("\\s+", " "); // wrapped at 78: breaks read as spaces
            String html = part(message, 1, "text/html");
            Set<String> topics = topicsOf(e.getKey());
            for (Map.Entry<String, String> article : sectionOfTitle.entrySet()) {
                boolean wanted = topics.isEmpty() || topics.contains(article.getValue());
                assertThat(text.contains(article.getKey())).as(e.getKey() + " gets «" + article.getKey() + "»").isEqualTo(wanted);
            }
            String token = unsubscribeToken(message);
            assertThat(tokens.verify(token, Tokens.Purpose.UNSUBSCRIBE)).hasValue(subscriberId(e.getKey()));
            assertThat(html).contains("http://localhost:8080/unsubscribe/" + token);
            assertThat(text).contains("http://localhost:8080/unsubscribe/" + token);
        }
        MimeMessage maria = byAddress.get("maria.nunez@example.org");
        assertThat(maria.getSubject()).startsWith("El Resumen — martes 16 de diciembre: «").endsWith("»");
        assertThat(part(maria, 0, "text/plain")).contains("Hola, María José Núñez:", "martes 16 de diciembre de 2025", "Ñires", "…", "“");
        assertThat(byAddress.get("john.carter@example.com").getSubject()).startsWith("El Resumen — Tuesday, December 16: \"");
        assertThat(part(byAddress.get("john.carter@example.com"), 0, "text/plain")).contains("Tuesday, December 16, 2025", "min read");

        Run second = digest("send", "--date", "2025-12-16", "--config", config.toString());
        assertThat(second.exit()).isZero();
        assertThat(second.out()).contains("The edition of 2025-12-16 was already sent to all 5 subscribers; nothing new to send.");
        assertThat(greenMail.getReceivedMessages()).hasSize(5);
    }

    @Test
    void anEmptyWindowSendsNothingAndSaysSoUnlessForced() throws Exception {
        Path config = config();
        Run empty = digest("send", "--date", "2025-12-19", "--config", config.toString());
        assertThat(empty.exit()).isZero();
        assertThat(empty.out()).contains("No new articles for the edition of 2025-12-19", "nothing sent (use --force to send anyway)");
        assertThat(greenMail.getReceivedMessages()).isEmpty();

        Run forced = digest("send", "--date", "2025-12-19", "--force", "--config", config.toString());
        assertThat(forced.exit()).as(forced.out()).isZero();
        assertThat(greenMail.getReceivedMessages()).hasSize(5);
        assertThat(part(greenMail.getReceivedMessages()[0], 1, "text/html")).containsAnyOf("Hoy no hay noticias", "Nothing in your topics today");
    }

    @Test
    void anUnsubscribedAddressGetsNothingEvenWhileStillListedInTheFile() throws Exception {
        Path config = config();
        Run unsubscribe = digest("subscribers", "unsubscribe", "John.Carter@example.com", "--config", config.toString());
        assertThat(unsubscribe.out()).contains("Unsubscribed John.Carter@example.com.");
        Run send = digest("send", "--date", "2025-12-16", "--config", config.toString());
        assertThat(send.exit()).isZero();
        assertThat(greenMail.getReceivedMessages()).extracting(m -> ((InternetAddress) m.getAllRecipients()[0]).getAddress())
                .hasSize(4).doesNotContain("john.carter@example.com");
        assertThat(digest("subscribers", "list", "--config", config.toString()).out())
                .containsPattern("john.carter@example.com\\s+unsubscribed");
    }

    @Test
    void aTestSendGoesOnlyToTheGivenAddressAndIsNotRecorded() throws Exception {
        Path config = config();
        Run test = digest("send", "--date", "2025-12-16", "--to", "editor@example.org", "--config", config.toString());
        assertThat(test.exit()).as(test.out()).isZero();
        assertThat(test.out()).contains("Test send to editor@example.org (not recorded as a delivery of the edition).");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);
        Run real = digest("send", "--date", "2025-12-16", "--config", config.toString());
        assertThat(real.out()).contains("5 due, 5 sent");
    }

    @Test
    void aDryRunRendersEveryDigestAndSendsOrRecordsNothing() throws Exception {
        Path config = config();
        Run dry = digest("send", "--date", "2025-12-16", "--dry-run", "--config", config.toString());
        assertThat(dry.exit()).as(dry.out()).isZero();
        assertThat(dry.out()).containsPattern("Dry run: 5 due, 5 digests rendered \\(largest HTML \\d+ KB\\); nothing sent\\.");
        assertThat(greenMail.getReceivedMessages()).isEmpty();
        assertThat(digest("send", "--date", "2025-12-16", "--config", config.toString()).out()).contains("5 due, 5 sent");
    }

    private static String part(MimeMessage message, int index, String type) throws Exception {
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart multipart = (Multipart) message.getContent();
        assertThat(multipart.getCount()).isEqualTo(2);
        BodyPart part = multipart.getBodyPart(index);
        assertThat(part.getContentType()).startsWith(type).containsIgnoringCase("charset=UTF-8");
        return (String) part.getContent();
    }

    private static String unsubscribeToken(MimeMessage message) throws Exception {
        Matcher m = Pattern.compile("<http://localhost:8080/unsubscribe/([A-Za-z0-9_-]+)>").matcher(message.getHeader("List-Unsubscribe", null));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    private Map<String, String> editionSections() throws Exception {
        Map<String, String> sections = new HashMap<>();
        query("select a.title, a.section from articles a join edition_articles ea on ea.article_id = a.id", rs -> sections.put(rs.getString(1), rs.getString(2)));
        return sections;
    }

    private Set<String> topicsOf(String email) throws Exception {
        List<String> topics = new ArrayList<>();
        query("select topics from subscribers where email = '" + email + "'", rs -> topics.add(rs.getString(1)));
        return topics.get(0).isEmpty() ? Set.of() : Set.of(topics.get(0).split(";"));
    }

    private long subscriberId(String email) throws Exception {
        List<Long> ids = new ArrayList<>();
        query("select id from subscribers where email = '" + email + "'", rs -> ids.add(rs.getLong(1)));
        return ids.get(0);
    }

    private interface Row {
        void read(ResultSet rs) throws Exception;
    }

    private void query(String sql, Row row) throws Exception {
        try (Connection c = java.sql.DriverManager.getConnection(database); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                row.read(rs);
            }
        }
    }
}
