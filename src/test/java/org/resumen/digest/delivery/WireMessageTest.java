package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.render.RenderedDigest;
import org.resumen.digest.testing.TestWorld;

/** The message built once as bytes reads back, with Jakarta Mail's own parser, exactly as it was written. */
class WireMessageTest {
    private static final Session SESSION = Session.getInstance(new Properties());
    private static final String HARD_TEXT = "Crónica del día — «Ñandúes en la ruta 14» y “comillas” …\n"
            + "=3D no es un escape; una línea que termina en espacio \n"
            + "y otra en tabulador\t\n"
            + ".un punto al principio\n"
            + "emoji 🇦🇷 y símbolos € ¿¡\n"
            + "x".repeat(200) + "\n"
            + "á".repeat(60) + "\r\n"
            + "🇦🇷 ".repeat(90) + "ñ\n"
            + "fin sin salto";

    @Test
    void bodiesDecodeToWhatWasRenderedWithEveryLineShort() throws Exception {
        String html = "<p>" + String.join("</p>\n<p>", HARD_TEXT.split("\r?\n")) + "</p>";
        MimeMessage read = readBack(build(new RenderedDigest("Resumen — «Hoy»", html, HARD_TEXT)));

        MimeMultipart parts = (MimeMultipart) read.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).isEqualTo("text/plain; charset=UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).isEqualTo("text/html; charset=UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(crlf(HARD_TEXT));
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(crlf(html));
    }

    @Test
    void headersReadBackDecoded() throws Exception {
        String subject = "Resumen Político — martes 16 de diciembre: «Gobernadores del norte piden una reunión urgente"
                + " con el Ministerio del Interior por los fondos» 🇦🇷";
        MimeMessage read = readBack(build(new RenderedDigest(subject, "<p>Hola</p>", "Hola")));

        assertThat(read.getSubject()).isEqualTo(subject);
        assertThat(((InternetAddress) read.getFrom()[0]).getPersonal()).isEqualTo("Resumen Político");
        assertThat(((InternetAddress) read.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal()).isEqualTo("Inés \"la Negra\" Núñez");
        assertThat(read.getSentDate()).isEqualTo(Date.from(TestWorld.NOW));
        assertThat(read.getMessageID()).matches("<[^<>@\\s]+@resumen\\.example\\.net>");
        assertThat(read.getHeader("MIME-Version")).containsExactly("1.0");
    }

    @Test
    void anAsciiNameWithQuotesIsAQuotedString() throws Exception {
        MimeMessage read = readBack(builder().build(SESSION,
                new Recipient(MessageBuilder.recipientAddress("ana@example.org", "Ana \"Anita\" Díaz, hija"), "a***@example.org"),
                new RenderedDigest("Hoy", "<p>Hola</p>", "Hola"), "https://resumen.example.net/unsubscribe/tok", "tok"));

        assertThat(((InternetAddress) read.getRecipients(MimeMessage.RecipientType.TO)[0]).getPersonal())
                .isEqualTo("Ana \"Anita\" Díaz, hija");
        assertThat(HeaderWords.phrase("John \"Jack\" Carter, Jr.")).isEqualTo("\"John \\\"Jack\\\" Carter, Jr.\"");
    }

    private static WireMessage build(RenderedDigest digest) {
        return builder().build(SESSION,
                new Recipient(MessageBuilder.recipientAddress("ines@example.org", "Inés \"la Negra\" Núñez"), "i***@example.org"),
                digest, "https://resumen.example.net/unsubscribe/tok", "tok");
    }

    private static MimeMessage readBack(WireMessage message) throws Exception {
        byte[] wire = message.wire();
        String raw = new String(wire, StandardCharsets.ISO_8859_1);
        assertThat(raw.chars().allMatch(c -> c < 0x80)).as("ASCII only").isTrue();
        assertThat(raw.replace("\r\n", "")).doesNotContain("\r", "\n");
        assertThat(Arrays.stream(raw.split("\r\n")).mapToInt(String::length).max().orElse(0)).isLessThanOrEqualTo(998);
        String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
        assertThat(Arrays.stream(body.split("\r\n")).mapToInt(String::length).max().orElse(0))
                .as("longest body line").isLessThanOrEqualTo(QuotedPrintable.MAX_LINE);
        return new MimeMessage(SESSION, new ByteArrayInputStream(wire));
    }

    private static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    private static MessageBuilder builder() {
        return new MessageBuilder(new NewsletterConfig("Resumen Político", "Resumen Político <boletin@resumen.example.net>",
                ZoneId.of("America/Argentina/Buenos_Aires"), Locale.forLanguageTag("es-AR"), "0 0 7 * * ?",
                "https://resumen.example.net", 20, Duration.ofHours(36)), TestWorld.CLOCK);
    }
}
