package org.resumen.digest.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.server.SMTPServer;

/**
 * A SubEtha SMTP server on 127.0.0.1 that presents the certificate of a PKCS12 key store, either
 * from the first byte (SMTPS), after STARTTLS (which it then requires), or not at all; it records
 * every message it accepted and whether the connection carrying it was encrypted.
 */
final class TlsSmtp implements AutoCloseable {
    static final String STORE_PASSWORD = "changeit";

    /** One accepted message for one recipient: its decoded subject and whether it came over TLS. */
    record Arrival(String recipient, String subject, boolean encrypted) {
    }

    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    private final SMTPServer server;

    private TlsSmtp(UnaryOperator<SMTPServer.Builder> tls) {
        server = tls.apply(SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()))
                .messageHandlerFactory(this::handler)
                .connectionTimeout(10, TimeUnit.SECONDS)
                .build();
        server.start();
    }

    /** Speaks TLS from the first byte (smtps, "implicit TLS"). */
    static TlsSmtp implicitTls(Path keyStore) {
        SSLContext context = sslContext(keyStore);
        return new TlsSmtp(b -> b.serverSocketFactory(context));
    }

    /** Offers STARTTLS and refuses mail until the client has used it. */
    static TlsSmtp requiringStartTls(Path keyStore) {
        SSLContext context = sslContext(keyStore);
        return new TlsSmtp(b -> b.enableTLS().requireTLS().startTlsSocketFactory(context));
    }

    /** Plain SMTP; EHLO does not offer STARTTLS. */
    static TlsSmtp clearTextOnly() {
        return new TlsSmtp(b -> b);
    }

    /**
     * Writes a fresh PKCS12 key store with a self-signed RSA certificate issued to {@code owner} (a
     * distinguished name) for the names of {@code san} (keytool syntax), valid for two days.
     */
    static Path generateKeyStore(Path file, String owner, String san) throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", owner,
                "-ext", "SAN=" + san, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        return file;
    }

    /** Adds the certificate of the key store {@code server} to the trusted certificates of {@code trustStore}. */
    static void trust(Path trustStore, Path server) throws IOException, InterruptedException {
        Path certificate = server.resolveSibling(server.getFileName() + ".pem");
        Files.deleteIfExists(certificate);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", server.toString(), "-storepass", STORE_PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", server.getFileName().toString(), "-file", certificate.toString(),
                "-keystore", trustStore.toString(), "-storepass", STORE_PASSWORD);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        if (keytool.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }

    int port() {
        return server.getPortAllocated();
    }

    List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        server.stop();
    }

    private static SSLContext sslContext(Path keyStore) {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, STORE_PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the key store " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private MessageHandler handler(MessageContext context) {
        return new MessageHandler() {
            private final List<String> recipients = new ArrayList<>();

            @Override
            public void from(String from) {
            }

            @Override
            public void recipient(String recipient) {
                recipients.add(recipient);
            }

            @Override
            public String data(InputStream data) throws IOException {
                String subject = subjectOf(data.readAllBytes());
                boolean encrypted = ((org.subethamail.smtp.server.Session) context).getSocket() instanceof SSLSocket;
                recipients.forEach(r -> arrivals.add(new Arrival(r, subject, encrypted)));
                return null;
            }

            @Override
            public void done() {
            }
        };
    }

    private static String subjectOf(byte[] message) throws IOException {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(message)).getSubject();
        } catch (MessagingException e) {
            throw new IOException("unreadable message: " + e.getMessage(), e);
        }
    }
}
