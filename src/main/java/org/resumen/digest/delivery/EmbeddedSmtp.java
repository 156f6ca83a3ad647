package org.resumen.digest.delivery;

import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SMTP server of the embedded setup ({@code smtp.host} empty): GreenMail on a free loopback
 * port. Every message is written to the outbox folder the moment it arrives, before the server
 * answers the final dot, as {@code .eml} (the message as sent) and {@code .html} (its HTML part) so
 * that a newcomer can open them; a process stopped half-way leaves one file per accepted message.
 * Nothing is kept in memory.
 */
public final class EmbeddedSmtp implements AutoCloseable {
    private final GreenMail server;
    private final Path outbox;
    private final List<Path> written = new ArrayList<>();

    private EmbeddedSmtp(GreenMail server, Path outbox) {
        this.server = server;
        this.outbox = outbox;
    }

    public static EmbeddedSmtp start(Path outbox) {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        EmbeddedSmtp smtp = new EmbeddedSmtp(server, outbox);
        // Each recipient's copy goes to a "user" that writes it out: GreenMail answers 250 only after this returns.
        server.getUserManager().setMessageDeliveryHandler((message, address) -> smtp.new OutboxUser(address.getEmail()));
        server.start();
        return smtp;
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

    /** The .eml files written so far, in the order the messages arrived. */
    public synchronized List<Path> written() {
        return List.copyOf(written);
    }

    private synchronized void write(String recipient, MimeMessage message) {
        try {
            Files.createDirectories(outbox);
            String to = recipient.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
            Path eml = newFile(String.format("%03d-%s", written.size() + 1, to), ".eml");
            try (OutputStream out = Files.newOutputStream(eml, StandardOpenOption.CREATE_NEW)) {
                message.writeTo(out);
            }
            String html = htmlPart(message);
            if (html != null) {
                Files.writeString(eml.resolveSibling(eml.getFileName().toString().replace(".eml", ".html")), html,
                        StandardCharsets.UTF_8);
            }
            written.add(eml);
        } catch (IOException | MessagingException e) {
            // Thrown into GreenMail's DATA handling: the client gets an error reply, not a false 250.
            throw new UncheckedIOException(new IOException("cannot write received mail to " + outbox + ": " + e.getMessage(), e));
        }
    }

    private Path newFile(String base, String extension) {
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

    /** The mailbox of one recipient: the outbox folder. */
    private final class OutboxUser implements GreenMailUser {
        private final String email;

        OutboxUser(String email) {
            this.email = email;
        }

        @Override
        public String getEmail() {
            return email;
        }

        @Override
        public String getLogin() {
            return email;
        }

        @Override
        public void deliver(MovingMessage message) {
            write(email, message.getMessage());
        }

        @Override
        public void deliver(MimeMessage message) {
            write(email, message);
        }

        @Override
        public void create() {
        }

        @Override
        public void delete() {
        }

        @Override
        public String getPassword() {
            return "";
        }

        @Override
        public void setPassword(String password) {
        }

        @Override
        public void authenticate(String password) {
        }

        @Override
        public String getQualifiedMailboxName() {
            return email;
        }
    }
}
