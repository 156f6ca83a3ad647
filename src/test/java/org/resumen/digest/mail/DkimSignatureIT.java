package org.resumen.digest.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.TestWorld;

/**
 * A digest signed with a key from {@code digest dkim keygen}, sent for real and read back from
 * GreenMail, verifies with jDKIM's verifier given the printed TXT record through a stub DNS lookup;
 * a changed body or a changed List-Unsubscribe does not.
 */
class DkimSignatureIT {
    private static final String DOMAIN = "resumen.example.net";
    private static final String SELECTOR = "s2026";
    private static final Pattern TXT_PIECE = Pattern.compile("\"([^\"]*)\"");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void aSentDigestVerifiesAndCoversBothOneClickHeaders() throws Exception {
        String txt = keygen();
        byte[] received = sendAndReceive();

        List<SignatureRecord> verified = verifier(txt).verify(new ByteArrayInputStream(received));

        assertThat(verified).hasSize(1);
        SignatureRecord signature = verified.get(0);
        assertThat(signature.getDToken().toString()).isEqualTo(DOMAIN);
        assertThat(signature.getSelector().toString()).isEqualTo(SELECTOR);
        assertThat(signature.getHeaders()).extracting(CharSequence::toString)
                .contains("From", "To", "Subject", "Date", "Message-ID", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post");
        assertThat(new String(received, StandardCharsets.US_ASCII).lines()).allMatch(line -> line.length() <= 998);
    }

    @Test
    void aChangedBodyFailsVerification() throws Exception {
        String txt = keygen();
        String received = new String(sendAndReceive(), StandardCharsets.ISO_8859_1);
        int body = received.indexOf("\r\n\r\n");
        assertThat(received.indexOf("Senado", body)).isPositive();
        String changed = received.substring(0, body) + received.substring(body).replaceFirst("Senado", "Sanado");

        assertThatThrownBy(() -> verifier(txt).verify(bytes(changed)))
                .isInstanceOf(FailException.class).hasMessageContaining("bodyhash");
    }

    @Test
    void aChangedListUnsubscribeFailsVerification() throws Exception {
        String txt = keygen();
        String received = new String(sendAndReceive(), StandardCharsets.ISO_8859_1);
        String changed = received.replaceFirst("(List-Unsubscribe: <https://)[^/]+/", "$1phishing.example.com/");
        assertThat(changed).isNotEqualTo(received);

        assertThatThrownBy(() -> verifier(txt).verify(bytes(changed))).isInstanceOf(FailException.class);
    }

    /** Runs {@code digest dkim keygen} and returns the TXT record's text it printed. */
    private String keygen() {
        Cli.Run run = Cli.digest(TestWorld.CLOCK, "dkim", "keygen", "--selector", SELECTOR, "--out", dir.resolve("keys").toString(),
                "--domain", DOMAIN);
        assertThat(run.exit()).as(run.out()).isZero();
        String zoneLine = run.out().lines().filter(l -> l.startsWith(SELECTOR + "._domainkey." + DOMAIN + ". IN TXT")).findFirst()
                .orElseThrow(() -> new AssertionError("no TXT record in: " + run.out()));
        StringBuilder txt = new StringBuilder();
        Matcher piece = TXT_PIECE.matcher(zoneLine);
        while (piece.find()) {
            txt.append(piece.group(1));
        }
        assertThat(txt.toString()).startsWith("v=DKIM1; k=rsa; p=");
        return txt.toString();
    }

    private byte[] sendAndReceive() throws Exception {
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(), TestWorld.readers("ines@example.org"));
        Map<String, String> env = Map.of("DIGEST_DKIM_DOMAIN", DOMAIN, "DIGEST_DKIM_SELECTOR", SELECTOR,
                "DIGEST_DKIM_PRIVATE_KEY", dir.resolve("keys").resolve(SELECTOR + ".private.pem").toString());
        try (App app = App.open(ConfigLoader.load(config, env).orThrow(), TestWorld.CLOCK, TestWorld.QUICK_RETRIES)) {
            assertThat(TestWorld.send(app).ok()).isTrue();
        }
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertThat(messages).hasSize(1);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        messages[0].writeTo(raw);
        return raw.toByteArray();
    }

    private static DKIMVerifier verifier(String txt) {
        return new DKIMVerifier((method, selector, token) -> {
            assertThat(selector.toString() + "._domainkey." + token).isEqualTo(SELECTOR + "._domainkey." + DOMAIN);
            return List.of(txt);
        });
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
