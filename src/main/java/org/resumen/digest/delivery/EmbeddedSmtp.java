package org.resumen.digest.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SMTP server of the embedded setup ({@code smtp.host} empty): GreenMail on a free loopback
 * port. Every message it receives is written to the outbox folder as {@code .eml} (the message as
 * sent) and {@code .html} (its HTML part) so that a newcomer can open them.
 */
public final class EmbeddedSmtp implements AutoCloseable {
    private final GreenMail server;
    private final Path outbox;
    private int written;

    private EmbeddedSmtp(GreenMail server, Path outbox) {
        this.server = server;
        this.outbox = outbox;
    }

    public static EmbeddedSmtp start(Path outbox) {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return new EmbeddedSmtp(server, outbox);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return server.getSmtp().getPort();
    }

    public Path outbox() {
        return outbox;
    }

    /** Writes what arrived since the last call to the outbox and forgets it; returns the .eml files. */
    public synchronized List<Path> flushToOutbox() {
        MimeMessage[] received = server.getReceivedMessages();
        List<Path> files = new ArrayList<>();
        try {
            Files.createDirectories(outbox);
            for (MimeMessage message : received) {
                files.add(write(message));
            }
            server.purgeEmailFromAllMailboxes();
        } catch (IOException | MessagingException | com.icegreen.greenmail.store.FolderException e) {
            throw new DeliveryException("cannot write received mail to " + outbox + ": " + e.getMessage(), e);
        }
        return files;
    }

    private Path write(MimeMessage message) throws IOException, MessagingException {
        String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress().toLowerCase(Locale.ROOT);
        String base = String.format("%03d-%s", ++written, to.replaceAll("[^a-z0-9._-]", "_"));
        Path eml = uniqueFile(base, ".eml");
        try (OutputStream out = Files.newOutputStream(eml)) {
            message.writeTo(out);
        }
        String html = htmlPart(message);
        if (html != null) {
            Files.writeString(eml.resolveSibling(eml.getFileName().toString().replace(".eml", ".html")), html, StandardCharsets.UTF_8);
        }
        return eml;
    }

    private Path uniqueFile(String base, String extension) {
        Path file = outbox.resolve(base + extension);
        for (int i = 2; Files.exists(file); i++) {
            file = outbox.resolve(base + "-" + i + extension);
        }
        return file;
    }

    private static String htmlPart(MimeMessage message) throws IOException, MessagingException {
        if (!(message.getContent() instanceof Multipart multipart)) {
            return null;
        }
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/html")) {
                return (String) part.getContent();
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.stop();
    }
}
