package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5 item 9: the demo's embedded SMTP server writes each message to outbox/ as it arrives, so
 * the outbox holds one file per accepted message while the server still runs (and after a kill).
 */
class EmbeddedSmtpOutboxTest {
    @TempDir
    Path dir;

    @Test
    void eachAcceptedMessageIsInTheOutboxBeforeTheServerStops() throws Exception {
        Path outbox = dir.resolve("outbox");
        try (EmbeddedSmtp smtp = EmbeddedSmtp.start(outbox)) {
            Session session = Session.getInstance(new Properties());
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(smtp.host(), smtp.port(), null, null);
                List<String> readers = List.of("ana@example.org", "Begoña.Álvarez@example.com", "juan@example.net");
                for (int i = 0; i < readers.size(); i++) {
                    MimeMessage message = message(session, readers.get(i), "Edición número " + (i + 1));
                    transport.sendMessage(message, message.getAllRecipients());
                    assertThat(files(outbox, ".eml")).as("after message " + (i + 1)).hasSize(i + 1);
                }
            }
            assertThat(files(outbox, ".html")).hasSize(3);
            assertThat(Files.readString(smtp.written().get(0))).contains("Subject: =?UTF-8?");
            assertThat(Files.readString(outbox.resolve(files(outbox, ".html").get(1)))).contains("<p>Edición número 2</p>");
            assertThat(smtp.written()).extracting(p -> p.getFileName().toString())
                    .containsExactly("001-ana_example.org.eml", "002-bego_a._lvarez_example.com.eml", "003-juan_example.net.eml");
        }
    }

    private static MimeMessage message(Session session, String to, String subject) throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("resumen@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, false));
        message.setSubject(subject, "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(subject, "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>" + subject + "</p>", "UTF-8", "html");
        message.setContent(new MimeMultipart("alternative", text, html));
        message.saveChanges();
        return message;
    }

    private static List<String> files(Path outbox, String extension) throws IOException {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(outbox)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(extension)).sorted().toList();
        }
    }
}
