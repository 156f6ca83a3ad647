package org.resumen.digest.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.testing.DemoFiles;
import org.resumen.digest.testing.ImapFolders;
import org.resumen.digest.testing.TestWorld;

/**
 * The mailto: of List-Unsubscribe, as a reader's mail client uses it: a message sent over SMTP to the
 * From address with the subject the header gives lands in that address's IMAP mailbox (GreenMail);
 * one read of {@code unsubscribe.mailbox} unsubscribes its sender and leaves the editors' other mail alone.
 */
class UnsubscribeMailboxIT {
    private static final Pattern MAILTO = Pattern.compile("<mailto:([^?>]+)\\?subject=([^>]+)>");
    @TempDir
    Path dir;
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void aMailToTheListUnsubscribeAddressUnsubscribesItsReaderAndLeavesOtherMailAlone() throws Exception {
        mail.setUser(DemoFiles.FROM_ADDRESS, "resumen", "secreto");
        Path config = TestWorld.create(dir, mail.getSmtp().getPort(),
                TestWorld.readers("ines@example.org", "tomas@example.org", "lucia@example.org"));
        String url = "imap://resumen@127.0.0.1:" + mail.getImap().getPort() + "/INBOX";
        Files.writeString(config, Files.readString(config) + "\nunsubscribe:\n  mailbox: " + url + "\n  password: secreto\n");
        try (App app = TestWorld.open(config)) {
            assertThat(TestWorld.send(app).sent()).isEqualTo(3);
            // Inés uses the header as her client would: To and Subject from the mailto: URI
            Matcher ines = MAILTO.matcher(listUnsubscribe("ines@example.org"));
            assertThat(ines.find()).isTrue();
            assertThat(ines.group(1)).isEqualTo(DemoFiles.FROM_ADDRESS);
            send("ines@example.org", ines.group(1), URLDecoder.decode(ines.group(2), StandardCharsets.UTF_8), "");
            // Lucía's client dropped the subject and put the request in the body
            Matcher lucia = MAILTO.matcher(listUnsubscribe("lucia@example.org"));
            assertThat(lucia.find()).isTrue();
            send("lucia@example.org", DemoFiles.FROM_ADDRESS, "",
                    "Hola:\r\n" + URLDecoder.decode(lucia.group(2), StandardCharsets.UTF_8) + "\r\nGracias.\r\n");
            // Tomás forges a request with a token of his own making, and writes to the editors
            String forged = URLDecoder.decode(ines.group(2), StandardCharsets.UTF_8);
            send("tomas@example.org", DemoFiles.FROM_ADDRESS, forged.substring(0, forged.length() - 3) + "AAA", "");
            send("tomas@example.org", DemoFiles.FROM_ADDRESS, "Re: El Resumen — una corrección", "La nota sobre el Senado tenía un error… ¿lo revisan?\r\n");

            // an editor flagged the reply deleted in their own client and has not expunged it yet: not ours to expunge
            flagDeleted("Re: El Resumen — una corrección");

            BounceMailbox.PollReport report = app.pollUnsubscribes().orElseThrow();

            assertThat(report).isEqualTo(new BounceMailbox.PollReport(4, 2, 2));
            assertThat(status(app, "ines@example.org")).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
            assertThat(status(app, "lucia@example.org")).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
            assertThat(status(app, "tomas@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
            assertThat(subjects("INBOX")).hasSize(2).contains("Re: El Resumen — una corrección");
            assertThat(subjects(MailboxReader.PROCESSED)).hasSize(2);
            // a second read finds nothing new to act on and changes nothing
            assertThat(app.pollUnsubscribes().orElseThrow()).isEqualTo(new BounceMailbox.PollReport(2, 0, 2));
        }
    }

    private String listUnsubscribe(String reader) throws Exception {
        for (MimeMessage m : mail.getReceivedMessages()) {
            if (((InternetAddress) m.getAllRecipients()[0]).getAddress().equals(reader) && m.getHeader("List-Unsubscribe") != null) {
                return m.getHeader("List-Unsubscribe", null).replaceAll("\r\n\\s+", " ");
            }
        }
        throw new AssertionError("no digest received by " + reader);
    }

    private void send(String from, String to, String subject, String text) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    private void flagDeleted(String subject) throws Exception {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", mail.getImap().getPort(), "resumen", "secreto");
            Folder folder = store.getFolder("INBOX");
            folder.open(Folder.READ_WRITE);
            for (var message : folder.getMessages()) {
                if (subject.equals(message.getSubject())) {
                    message.setFlag(jakarta.mail.Flags.Flag.DELETED, true);
                }
            }
            folder.close(false);
        }
    }

    private static Subscriber.Status status(App app, String email) {
        return app.subscribers.byEmail(email).orElseThrow().status();
    }

    private List<String> subjects(String folderName) throws Exception {
        return ImapFolders.subjects(mail.getImap().getPort(), "resumen", "secreto", folderName);
    }
}
