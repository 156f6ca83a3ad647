package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.subscriber.Tokens;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.DemoFiles;
import org.resumen.digest.testing.TestWorld;

/** What subscribers receive, read back from GreenMail: one well-formed digest each, with every header of DESIGN.md. */
class DigestMessageIT {
    private static final Pattern LIST_UNSUBSCRIBE = Pattern.compile(
            "<https://resumen\\.example\\.net/unsubscribe/([A-Za-z0-9_-]{32})>,(?:\r\n)?"
                    + " <mailto:boletin@resumen\\.example\\.net\\?subject=unsubscribe%20([A-Za-z0-9_-]{32})>");
    private static final String SUBJECT = "Resumen Político — martes 16 de diciembre: «" + TestWorld.TOP_HEADLINE + "»";
    private static final Tokens TOKENS = new Tokens(DemoFiles.SECRET.getBytes(StandardCharsets.UTF_8));

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void everySubscriberGetsOneDigestWithTheHeadersOfTheDesign() throws Exception {
        Map<String, Long> ids = new HashMap<>();
        Map<String, DeliveryRow> recorded;
        try (App app = TestWorld.open(TestWorld.create(dir, greenMail.getSmtp().getPort(), List.of(
                "ines@example.org,Inés Núñez,es-AR,", "tomas@example.org,Tomás,es,", "olga@example.org,,,")))) {
            assertThat(TestWorld.send(app).ok()).isTrue();
            app.subscribers.all().forEach(s -> ids.put(s.email(), s.id()));
            recorded = Deliveries.byEmail(app);
            assertThat(TestWorld.send(app).note())
                    .isEqualTo("the edition of 2025-12-16 was already sent to all 3 subscribers; nothing new to send");
        }
        MimeMessage[] messages = greenMail.getReceivedMessages();

        assertThat(messages).hasSize(3);
        assertThat(Arrays.stream(messages).map(DigestMessageIT::onlyRecipient))
                .containsExactlyInAnyOrder("ines@example.org", "tomas@example.org", "olga@example.org");
        assertThat(Arrays.stream(messages).map(DigestMessageIT::messageId)).doesNotHaveDuplicates();
        for (MimeMessage message : messages) {
            assertHeaders(message);
            assertBody(message);
            assertThat(unsubscribeToken(message)).isEqualTo(OptionalLong.of(ids.get(onlyRecipient(message))));
            assertThat(recorded.get(onlyRecipient(message)).messageId()).isEqualTo(messageId(message));
        }
        assertThat(((InternetAddress) recipientOf(messages, "ines@example.org").getRecipients(RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Inés Núñez");
    }

    @Test
    void aSubscriberNameWithALineBreakInTheCsvNeverReachesAHeader() throws Exception {
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(), List.of(
                "ana@example.org,Ana,es-AR,", "intrusa@example.org,\"Ana\r\nBcc: espia@example.org\",es-AR,"));
        try (App app = TestWorld.open(config)) {
            var report = TestWorld.send(app);

            assertThat(report.ok()).isFalse();
            assertThat(report.problems()).containsExactly(dir.resolve("subscribers").resolve("main.csv")
                    + ":3: line break in column \"name\"; values must fit on one line");
            assertThat(report.sent()).isEqualTo(1);
            assertThat(app.subscribers.byEmail("intrusa@example.org")).isEmpty();
        }
        MimeMessage[] messages = greenMail.getReceivedMessages();

        assertThat(messages).hasSize(1);
        assertThat(onlyRecipient(messages[0])).isEqualTo("ana@example.org");
        assertThat(messages[0].getHeader("Bcc")).isNull();
        assertThat(raw(messages[0])).doesNotContain("espia@example.org");
    }

    private static void assertHeaders(MimeMessage message) throws MessagingException {
        assertThat(message.getSubject()).isEqualTo(SUBJECT);
        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Resumen Político");
        assertThat(from.getAddress()).isEqualTo("boletin@resumen.example.net");
        assertThat(messageId(message)).matches("<[^<>@\\s]+@resumen\\.example\\.net>");
        assertThat(message.getSentDate()).isEqualTo(Date.from(TestWorld.NOW));
        assertThat(message.getHeader("List-Id")).containsExactly("\"Resumen Politico\" <resumen-politico.resumen.example.net>");
        assertThat(message.getHeader("List-Unsubscribe")).singleElement().asString().matches(LIST_UNSUBSCRIBE);
        assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(message.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(message.getRecipients(RecipientType.CC)).isNull();
        assertThat(message.getHeader("Bcc")).isNull();
    }

    private static void assertBody(MimeMessage message) throws MessagingException, IOException {
        assertThat(new ContentType(message.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertUtf8(parts.getBodyPart(0), "text/plain");
        assertUtf8(parts.getBodyPart(1), "text/html");
        String html = (String) parts.getBodyPart(1).getContent();
        String text = (String) parts.getBodyPart(0).getContent();
        String unsubscribe = unsubscribeUrl(message);
        String webVersion = DemoFiles.BASE_URL + "/editions/2025-12-16/";
        assertThat(html).contains(unsubscribe, webVersion, "Gobernadores del norte", "«No vamos a negociar a ciegas»");
        assertThat(text).contains(unsubscribe, webVersion, "Ñandúes en la ruta 14");
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(100 * 1024);
        assertThat(longestLineInBytes(raw(message))).isLessThanOrEqualTo(998);
    }

    private static void assertUtf8(BodyPart part, String mimeType) throws MessagingException {
        ContentType type = new ContentType(part.getContentType());
        assertThat(type.getBaseType()).isEqualTo(mimeType);
        assertThat(type.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
    }

    /** The subscriber id the List-Unsubscribe token verifies to, after checking both links carry the same token. */
    private static OptionalLong unsubscribeToken(MimeMessage message) throws MessagingException {
        Matcher header = LIST_UNSUBSCRIBE.matcher(message.getHeader("List-Unsubscribe")[0]);
        assertThat(header.matches()).isTrue();
        assertThat(header.group(2)).isEqualTo(header.group(1));
        assertThat(TOKENS.verify(header.group(1), Tokens.Purpose.PREFERENCES)).isEmpty();
        return TOKENS.verify(header.group(1), Tokens.Purpose.UNSUBSCRIBE);
    }

    private static String unsubscribeUrl(MimeMessage message) throws MessagingException {
        String header = message.getHeader("List-Unsubscribe")[0];
        return header.substring(1, header.indexOf('>'));
    }

    private static MimeMessage recipientOf(MimeMessage[] messages, String address) {
        return Arrays.stream(messages).filter(m -> onlyRecipient(m).equals(address)).findFirst().orElseThrow();
    }

    private static String onlyRecipient(MimeMessage message) {
        try {
            assertThat(message.getAllRecipients()).hasSize(1);
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String raw(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** Longest line of the message as sent, in bytes (ISO-8859-1 keeps one char per byte). */
    private static int longestLineInBytes(String raw) {
        return Arrays.stream(raw.split("\r\n")).mapToInt(String::length).max().orElse(0);
    }
}
