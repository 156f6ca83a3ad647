package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.testing.TestWorld.readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.delivery.TlsSmtp.Arrival;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.TestWorld;

/**
 * {@code smtp.tls: ssl} and {@code smtp.tls: starttls} against servers holding a certificate for
 * 127.0.0.1 that the JVM's default trust store trusts (the surefire execution "tls" points
 * javax.net.ssl.trustStore at it), and against servers the client must refuse: one without
 * STARTTLS, one whose certificate nobody trusts, and one with a trusted certificate for another
 * host. Nothing may ever go out in clear text or to a server that could not prove who it is.
 */
class SmtpTlsIT {
    private static final List<String> READERS = List.of("ana@example.org", "beto@example.org", "carla@example.org");
    private static final String SUBJECT = "Resumen Político — martes 16 de diciembre: «" + TestWorld.TOP_HEADLINE + "»";
    private static final RetryPolicy ONE_TRY = new RetryPolicy(1, Duration.ofMillis(10), 50);
    private static final String LOOPBACK = "dns:localhost,ip:127.0.0.1";
    private static final String UNTRUSTED = "unable to find valid certification path to requested target";
    private static Path trusted;
    private static Path untrusted;
    private static Path otherHost;

    @TempDir
    Path dir;

    private TlsSmtp smtp;
    private App app;

    @BeforeAll
    static void generateCertificates() throws IOException, InterruptedException {
        trusted = TlsSmtp.generateKeyStore(trustStore(), "CN=localhost, O=Resumen Pruebas", LOOPBACK);
        untrusted = TlsSmtp.generateKeyStore(trusted.resolveSibling("untrusted.p12"), "CN=localhost, O=Imprenta Desconocida", LOOPBACK);
        otherHost = TlsSmtp.generateKeyStore(trusted.resolveSibling("other-host.p12"), "CN=smtp.example.net, O=Resumen Pruebas",
                "dns:smtp.example.net");
        TlsSmtp.trust(trusted, otherHost);
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
        smtp.close();
    }

    @Test
    void sslDeliversTheDigestToEverySubscriberOverAnEncryptedConnection() {
        smtp = TlsSmtp.implicitTls(trusted);

        SendReport report = send("ssl");

        assertEveryoneGotOneEncryptedDigest(report);
    }

    @Test
    void starttlsUpgradesTheSessionBeforeDeliveringToEverySubscriber() {
        smtp = TlsSmtp.requiringStartTls(trusted);

        SendReport report = send("starttls");

        assertEveryoneGotOneEncryptedDigest(report);
    }

    @Test
    void starttlsRefusesToSendInClearTextToAServerThatDoesNotOfferIt() {
        smtp = TlsSmtp.clearTextOnly();

        SendReport report = send("starttls");

        assertNothingArrivedAndEveryDeliveryFailedWith(report, "STARTTLS is required but host does not support STARTTLS");
    }

    @Test
    void sslRefusesAServerWhoseCertificateIsNotTrusted() {
        smtp = TlsSmtp.implicitTls(untrusted);

        SendReport report = send("ssl");

        assertNothingArrivedAndEveryDeliveryFailedWith(report, UNTRUSTED);
    }

    @Test
    void starttlsRefusesAServerWhoseCertificateIsNotTrusted() {
        smtp = TlsSmtp.requiringStartTls(untrusted);

        SendReport report = send("starttls");

        assertNothingArrivedAndEveryDeliveryFailedWith(report, UNTRUSTED);
    }

    @Test
    void sslRefusesATrustedCertificateIssuedForAnotherHost() {
        smtp = TlsSmtp.implicitTls(otherHost);

        SendReport report = send("ssl");

        assertNothingArrivedAndEveryDeliveryFailedWith(report, "No subject alternative names matching IP address 127.0.0.1 found");
    }

    @Test
    void starttlsRefusesATrustedCertificateIssuedForAnotherHost() {
        smtp = TlsSmtp.requiringStartTls(otherHost);

        SendReport report = send("starttls");

        assertNothingArrivedAndEveryDeliveryFailedWith(report, "No subject alternative names matching IP address 127.0.0.1 found");
    }

    private void assertEveryoneGotOneEncryptedDigest(SendReport report) {
        assertThat(List.of(report.sent(), report.failed())).containsExactly(3, 0);
        assertThat(smtp.arrivals()).extracting(Arrival::recipient).containsExactlyInAnyOrderElementsOf(READERS);
        assertThat(smtp.arrivals()).allSatisfy(a -> {
            assertThat(a.subject()).isEqualTo(SUBJECT);
            assertThat(a.encrypted()).isTrue();
        });
        assertThat(Deliveries.byEmail(app).values()).extracting(DeliveryRow::status).containsOnly("sent");
    }

    private void assertNothingArrivedAndEveryDeliveryFailedWith(SendReport report, String reason) {
        assertThat(List.of(report.sent(), report.failed())).containsExactly(0, 3);
        assertThat(Deliveries.byEmail(app).values()).hasSize(3).allSatisfy(row -> {
            assertThat(row.status()).isEqualTo("failed");
            assertThat(row.smtpReply()).contains(reason);
        });
        assertThat(smtp.arrivals()).isEmpty();
    }

    private SendReport send(String tls) {
        Path config = TestWorld.create(dir, smtp.port(), readers(READERS.toArray(String[]::new)));
        withTls(config, tls);
        app = App.open(ConfigLoader.load(config, Map.of()).orThrow(), TestWorld.CLOCK, ONE_TRY);
        return TestWorld.send(app);
    }

    private static void withTls(Path config, String tls) {
        try {
            String yaml = Files.readString(config, StandardCharsets.UTF_8);
            Files.writeString(config, yaml.replace("smtp:\n", "smtp:\n  tls: \"" + tls + "\"\n"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The JVM's default trust store. The surefire execution "tls" sets it on the command line; run
     * alone (an IDE, -Dtest) this class sets it itself, which works because nothing in a fresh JVM
     * has built the default SSL context yet.
     */
    private static Path trustStore() {
        if (System.getProperty("javax.net.ssl.trustStore") == null) {
            System.setProperty("javax.net.ssl.trustStore", Path.of("target", "tls", "localhost.p12").toAbsolutePath().toString());
            System.setProperty("javax.net.ssl.trustStorePassword", TlsSmtp.STORE_PASSWORD);
            System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        }
        return Path.of(System.getProperty("javax.net.ssl.trustStore"));
    }
}
