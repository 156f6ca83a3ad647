package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.TestWorld;

/** What a receiving server sees of a digest: the EHLO name, Feedback-ID, folded List-Unsubscribe, short text lines. */
class HeaderHygieneIT {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void theServerIsGreetedWithTheFromDomainAndTheHeadersAreTidy() throws Exception {
        String raw = sendOne(Map.of());

        assertThat(raw).contains("(HELO resumen.example.net)").doesNotContain("HELO localhost");
        assertThat(header(raw, "Feedback-ID")).isEqualTo("Feedback-ID: 20251216:resumen-politico:digest:resumen.example.net");
        String listUnsubscribe = header(raw, "List-Unsubscribe");
        // each URI on a line of its own, whole: a URI is never folded (RFC 2369 2)
        assertThat(listUnsubscribe.split("\r\n")).hasSize(2);
        assertThat(listUnsubscribe).matches("(?s)List-Unsubscribe: <https://[^>]+>,\r\n <mailto:[^>]+>");
    }

    @Test
    void smtpHeloNamesTheClientWhenSet() throws Exception {
        assertThat(sendOne(Map.of("DIGEST_SMTP_HELO", "mta1.resumen.example.net"))).contains("(HELO mta1.resumen.example.net)");
    }

    @Test
    void everyLineOfThePlainTextFitsIn78ExceptAUrl() throws Exception {
        sendOne(Map.of());
        MimeMultipart parts = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
        String text = (String) parts.getBodyPart(0).getContent();

        assertThat(text.lines().filter(line -> line.length() > 78)).allMatch(line -> line.strip().matches("<?https?://\\S+>?"));
        assertThat(text).contains(TestWorld.TOP_HEADLINE.substring(0, 20));
    }

    private String sendOne(Map<String, String> env) throws Exception {
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(), TestWorld.readers("ines@example.org"));
        try (App app = App.open(ConfigLoader.load(config, env).orThrow(), TestWorld.CLOCK, TestWorld.QUICK_RETRIES)) {
            assertThat(TestWorld.send(app).ok()).isTrue();
        }
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        messages[0].writeTo(out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    /** The whole field, folds included, without its final CRLF. */
    private static String header(String raw, String name) {
        int start = raw.indexOf("\r\n" + name + ":") + 2;
        int end = start;
        do {
            end = raw.indexOf("\r\n", end + 1);
        } while (raw.charAt(end + 2) == ' ' || raw.charAt(end + 2) == '\t');
        return raw.substring(start, end);
    }
}
