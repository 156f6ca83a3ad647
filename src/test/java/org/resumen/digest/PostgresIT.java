package org.resumen.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.testing.Postgres;
import org.resumen.digest.testing.TestWorld;

/** The same database work on a real PostgreSQL server as on H2: migrations, the sync and a whole send. */
class PostgresIT {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void migratesTheProjectTablesAndQuartzTablesIntoAFreshPostgresDatabase() throws Exception {
        try (Database db = Database.open(Postgres.server().newDatabase());
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            Set<String> names = new HashSet<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(db.isPostgres()).isTrue();
            assertThat(names).contains("articles", "subscribers", "editions", "edition_articles", "deliveries",
                    "sources", "qrtz_job_details", "qrtz_cron_triggers", "qrtz_locks");
        }
    }

    @Test
    void everySubscriberGetsOneDigestWhenTheLedgerIsOnPostgres() throws Exception {
        DatabaseConfig database = Postgres.server().newDatabase();
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(), List.of(
                "ines@example.org,Inés Núñez,es-AR,", "tomas@example.org,Tomás,es,", "olga@example.org,,,"));
        Map<String, String> env = Map.of("DIGEST_DATABASE_URL", database.url(),
                "DIGEST_DATABASE_USERNAME", database.username());
        try (App app = App.open(ConfigLoader.load(config, env).orThrow(), TestWorld.CLOCK, TestWorld.QUICK_RETRIES)) {
            assertThat(TestWorld.send(app).ok()).isTrue();
            assertThat(TestWorld.send(app).note())
                    .isEqualTo("the edition of 2025-12-16 was already sent to all 3 subscribers; nothing new to send");
        }
        MimeMessage[] messages = greenMail.getReceivedMessages();
        assertThat(Arrays.stream(messages).map(PostgresIT::onlyRecipient))
                .containsExactlyInAnyOrder("ines@example.org", "tomas@example.org", "olga@example.org");
        assertThat(messages[0].getSubject()).contains("«" + TestWorld.TOP_HEADLINE + "»");
    }

    private static String onlyRecipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
