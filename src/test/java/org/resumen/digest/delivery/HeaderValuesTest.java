package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.render.RenderedDigest;
import org.resumen.digest.testing.TestWorld;

/** Values the code puts into headers itself never carry CR or LF: a header injection is refused, naming the header. */
class HeaderValuesTest {
    private static final String UNSUBSCRIBE = "https://resumen.example.net/unsubscribe/tok";
    private static final Session SESSION = Session.getInstance(new Properties());

    @Test
    void aSubjectWithALineBreakIsRefused() {
        RenderedDigest digest = new RenderedDigest("Resumen\r\nBcc: espia@example.org", "<p>Hola</p>", "Hola");

        assertThatThrownBy(() -> builder("Resumen <boletin@resumen.example.net>").build(SESSION, ana(), digest, UNSUBSCRIBE, "tok"))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("header Subject: value contains CR/LF; expected one line, got \"Resumen\\r\\nBcc: espia@example.org\"");
    }

    @Test
    void aFromDisplayNameWithALineBreakIsRefused() {
        assertThatThrownBy(() -> builder("Resumen\nBcc: espia@example.org <boletin@resumen.example.net>"))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("header From: value contains CR/LF; expected one line,"
                        + " got \"Resumen\\nBcc: espia@example.org <boletin@resumen.example.net>\"");
    }

    @Test
    void aRecipientDisplayNameWithALineBreakIsRefused() {
        assertThatThrownBy(() -> MessageBuilder.recipientAddress("ana@example.org", "Ana\rBcc: espia@example.org"))
                .isInstanceOf(DeliveryException.class)
                .hasMessage("header To: value contains CR/LF; expected one line, got \"Ana\\rBcc: espia@example.org\"");
    }

    @Test
    void aListUnsubscribeLinkWithALineBreakIsRefused() {
        RenderedDigest digest = new RenderedDigest("Resumen", "<p>Hola</p>", "Hola");

        assertThatThrownBy(() -> builder("Resumen <boletin@resumen.example.net>")
                .build(SESSION, ana(), digest, UNSUBSCRIBE + "\r\nBcc: espia@example.org", "tok"))
                .isInstanceOf(DeliveryException.class)
                .hasMessageStartingWith("header List-Unsubscribe: value contains CR/LF; expected one line, got \"<"
                        + UNSUBSCRIBE + "\\r\\nBcc: espia@example.org>");
    }

    @Test
    void oneLineValuesReachTheHeadersUnchanged() throws Exception {
        RenderedDigest digest = new RenderedDigest("Resumen — «Hoy»", "<p>Hola</p>", "Hola");

        WireMessage built = builder("Resumen <boletin@resumen.example.net>").build(SESSION, ana(), digest, UNSUBSCRIBE, "tok");
        MimeMessage message = new MimeMessage(SESSION, new java.io.ByteArrayInputStream(built.wire()));

        assertThat(message.getSubject()).isEqualTo("Resumen — «Hoy»");
        assertThat(message.getHeader("List-Unsubscribe")).containsExactly(
                "<" + UNSUBSCRIBE + ">,\r\n <mailto:boletin@resumen.example.net?subject=unsubscribe%20tok>");
        assertThat(HeaderValues.singleLine("X-Test", "una línea")).isEqualTo("una línea");
    }

    private static MessageBuilder builder(String from) {
        return new MessageBuilder(new NewsletterConfig("Resumen", from, ZoneId.of("America/Argentina/Buenos_Aires"),
                Locale.forLanguageTag("es-AR"), "0 0 7 * * ?", "https://resumen.example.net", 20, Duration.ofHours(36)),
                TestWorld.CLOCK);
    }

    private static Recipient ana() {
        return new Recipient(MessageBuilder.recipientAddress("ana@example.org", "Ana"), "a***@example.org");
    }
}
