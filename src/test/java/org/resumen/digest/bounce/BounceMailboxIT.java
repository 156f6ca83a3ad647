package org.resumen.digest.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
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
import org.resumen.digest.config.MailboxConfig;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.Verp;
import org.resumen.digest.testing.ImapFolders;
import org.resumen.digest.testing.TestWorld;

/** One poll of a real IMAP mailbox (GreenMail) holding a hard, soft and delayed DSN, an ARF complaint and two other mails. */
class BounceMailboxIT {
    private static final String BOUNCES = "rebotes@resumen.example.net";
    private static final Pattern VERP = Pattern.compile("\\{\\{VERP:([^}]+)}}");
    @TempDir
    Path dir;
    private GreenMail mail;

    @BeforeEach
    void start() {
        mail = new GreenMail(new com.icegreen.greenmail.util.ServerSetup[] {ServerSetupTest.SMTP.dynamicPort(), ServerSetupTest.IMAP.dynamicPort()});
        mail.start();
    }

    @AfterEach
    void stop() {
        mail.stop();
    }

    @Test
    void onePollActsOnBouncesAndComplaintsMovesThemAndLeavesTheRest() throws Exception {
        Path config = TestWorld.create(dir, mail.getSmtp().getPort(), TestWorld.readers(
                "hard@example.org", "soft@example.org", "delayed@example.org", "queja@example.org", "tomas@example.org"));
        Files.writeString(config, Files.readString(config) + "\nbounces:\n  address: " + BOUNCES + "\n");
        try (App app = TestWorld.open(config)) {
            assertThat(TestWorld.send(app).sent()).isEqualTo(5);
            Verp verp = new Verp(BOUNCES, app.tokens);
            GreenMailUser user = mail.setUser(BOUNCES, "rebotes", "secreto");
            for (String name : List.of("hard", "soft", "delayed", "complaint", "out-of-office", "unrelated")) {
                user.deliver(fixture(name, app, verp));
            }

            String url = "imap://rebotes@127.0.0.1:" + mail.getImap().getPort() + "/INBOX";
            BounceMailbox.PollReport report = new BounceMailbox(new MailboxConfig(url, "secreto"), app.bounces).poll();

            assertThat(report).isEqualTo(new BounceMailbox.PollReport(6, 4, 2));
            assertThat(status(app, "hard@example.org")).isEqualTo(Subscriber.Status.BOUNCED);
            assertThat(status(app, "queja@example.org")).isEqualTo(Subscriber.Status.COMPLAINED);
            assertThat(status(app, "soft@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
            assertThat(app.bounces.softBounces(app.subscribers.byEmail("soft@example.org").orElseThrow().id())).isEqualTo(1);
            assertThat(status(app, "delayed@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
            assertThat(app.bounces.softBounces(app.subscribers.byEmail("delayed@example.org").orElseThrow().id())).isZero();
            assertThat(status(app, "tomas@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
            assertThat(subjects("INBOX")).containsExactlyInAnyOrder("Fuera de la oficina — vuelvo el lunes", "Consulta");
            assertThat(subjects(BounceMailbox.PROCESSED)).hasSize(4);

            // the send skips them, and the file sync (which still lists them) does not bring them back
            app.subscribers.syncFolder(app.config.subscribers());
            assertThat(app.subscribers.active()).map(Subscriber::email)
                    .containsExactlyInAnyOrder("soft@example.org", "delayed@example.org", "tomas@example.org");
            assertThat(app.subscribers.lift("hard@example.org")).isTrue();
            assertThat(status(app, "hard@example.org")).isEqualTo(Subscriber.Status.ACTIVE);
        }
    }

    private static Subscriber.Status status(App app, String email) {
        return app.subscribers.byEmail(email).orElseThrow().status();
    }

    private MimeMessage fixture(String name, App app, Verp verp) throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/bounce/" + name + ".eml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = VERP.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            long id = app.subscribers.byEmail(m.group(1)).orElseThrow().id();
            m.appendReplacement(out, Matcher.quoteReplacement(verp.address(id)));
        }
        m.appendTail(out);
        String crlf = out.toString().replace("\r\n", "\n").replace("\n", "\r\n");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(crlf.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> subjects(String folderName) throws Exception {
        return ImapFolders.subjects(mail.getImap().getPort(), "rebotes", "secreto", folderName);
    }
}
