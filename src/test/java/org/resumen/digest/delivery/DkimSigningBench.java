package org.resumen.digest.delivery;

import jakarta.mail.Session;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Properties;
import org.resumen.digest.config.DkimConfig;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.mail.DkimKeyPair;
import org.resumen.digest.mail.MessageSigner;
import org.resumen.digest.render.RenderedDigest;
import org.resumen.digest.testing.TestWorld;

/**
 * Messages built per second with and without a DKIM signature (issue 8 item 1), on a digest of about
 * 46 KB; a benchmark run by hand, not a test:
 * {@code java -cp target/digest.jar:target/test-classes org.resumen.digest.delivery.DkimSigningBench [messages]}.
 */
public final class DkimSigningBench {
    private DkimSigningBench() {
    }

    public static void main(String[] args) {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        DkimKeyPair pair = DkimKeyPair.generate(2048);
        MessageSigner signer = MessageSigner.forConfig(new DkimConfig("resumen.example.net", "s2026", pair.privatePem()));
        NewsletterConfig newsletter = new NewsletterConfig("Resumen Político", "Resumen Político <boletin@resumen.example.net>",
                ZoneId.of("America/Argentina/Buenos_Aires"), Locale.forLanguageTag("es-AR"), "0 0 7 * * ?",
                "https://resumen.example.net", 20, Duration.ofHours(36));
        MessageBuilder unsigned = new MessageBuilder(newsletter, TestWorld.CLOCK);
        MessageBuilder signed = new MessageBuilder(newsletter, TestWorld.CLOCK, signer);
        RenderedDigest digest = digest();
        Session session = Session.getInstance(new Properties());
        Recipient to = new Recipient(MessageBuilder.recipientAddress("ines@example.org", "Inés Núñez"), "i***@example.org");
        for (int round = 1; round <= 3; round++) {
            time("round " + round + ": build", messages, () -> unsigned.build(session, to, digest, "https://resumen.example.net/unsubscribe/tok", "tok"));
            time("round " + round + ": build + DKIM sign", messages, () -> signed.build(session, to, digest, "https://resumen.example.net/unsubscribe/tok", "tok"));
        }
    }

    private static RenderedDigest digest() {
        String paragraph = "<p>El Senado aprobó la ley de humedales tras una sesión de 14 horas; los gobernadores del norte"
                + " pidieron «una reunión urgente» con el Ministerio del Interior — según fuentes oficiales.</p>\n";
        String line = "El Senado aprobó la ley de humedales tras una sesión de 14 horas; los gobernadores del norte\n";
        return new RenderedDigest("Resumen Político — martes 16 de diciembre: «El Senado aprobó la ley de humedales»",
                paragraph.repeat(190), line.repeat(120));
    }

    private static void time(String label, int messages, Runnable build) {
        long start = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            build.run();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %d messages in %.2f s = %.0f msg/s%n", label, messages, seconds, messages / seconds);
    }
}
