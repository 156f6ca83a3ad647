package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.testing.Postgres;
import org.resumen.digest.testing.Deliveries;
import org.resumen.digest.testing.DeliveryRow;
import org.resumen.digest.testing.TestWorld;

/** The ledger, not the process, decides who gets mail: claimed rows, leases, and retaken rows marked; on H2 and PostgreSQL. */
class ClaimedDeliveriesIT {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void twoSendsOfOneEditionStartedTogetherGiveEverySubscriberExactlyOneMessage(String store) throws Exception {
        List<String> emails = IntStream.rangeClosed(1, 120).mapToObj(i -> "lector" + i + "@example.org").toList();
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(), TestWorld.readers(emails.toArray(String[]::new)));
        List<SendReport> reports = new ArrayList<>();
        Map<String, String> env = database(store);
        try (App one = open(config, env); App two = open(config, env)) {
            one.subscribers.syncFolder(one.config.subscribers());
            one.ingester.ingestAll();
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<SendReport>> sends = new ArrayList<>();
            for (App app : List.of(one, two)) {
                sends.add(threads.submit(() -> {
                    together.await();
                    return TestWorld.send(app);
                }));
            }
            for (Future<SendReport> send : sends) {
                reports.add(send.get());
            }
            threads.shutdown();
            assertThat(Deliveries.byEmail(one).values()).extracting(DeliveryRow::status).containsOnly("sent");
        }

        assertThat(recipientsReceived()).containsExactlyInAnyOrderElementsOf(emails);
        assertThat(reports).allSatisfy(r -> assertThat(r.ok()).isTrue());
        assertThat(reports.stream().mapToInt(SendReport::sent).sum()).isEqualTo(emails.size());
    }

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void aRowWhoseLeaseRanOutIsSentAgainAndMarkedAsPossibleDuplicateWhileALiveLeaseIsLeftAlone(String store) throws Exception {
        Path config = TestWorld.create(dir, greenMail.getSmtp().getPort(),
                TestWorld.readers("ana@example.org", "beto@example.org", "carla@example.org"));
        try (App app = open(config, database(store))) {
            assertThat(TestWorld.send(app).sent()).isEqualTo(3);
            greenMail.purgeEmailFromAllMailboxes();
            // As a process killed mid-send leaves them: ana's lease ran out a minute ago, beto's
            // belongs to a process still working for ten more minutes.
            markSending(app, "ana@example.org", "-1");
            markSending(app, "beto@example.org", "10");

            SendReport report = TestWorld.send(app);

            assertThat(report.sent()).isEqualTo(1);
            assertThat(recipientsReceived()).containsExactly("ana@example.org");
            Map<String, Boolean> duplicates = possibleDuplicates(app);
            assertThat(duplicates).containsEntry("ana@example.org", true).containsEntry("beto@example.org", false)
                    .containsEntry("carla@example.org", false);
            assertThat(Deliveries.byEmail(app).get("beto@example.org").status()).isEqualTo("sending");
            assertThat(Deliveries.byEmail(app).get("ana@example.org").status()).isEqualTo("sent");
        }
    }

    /** The settings that put the ledger on {@code store}: H2 as the config says, or a fresh PostgreSQL database. */
    static Map<String, String> database(String store) {
        return Postgres.environmentFor(store);
    }

    static App open(Path config, Map<String, String> env) {
        return App.open(ConfigLoader.load(config, env).orThrow(), TestWorld.CLOCK, TestWorld.QUICK_RETRIES);
    }

    private List<String> recipientsReceived() {
        return Arrays.stream(greenMail.getReceivedMessages()).map(ClaimedDeliveriesIT::onlyRecipient).toList();
    }

    private static String onlyRecipient(MimeMessage message) {
        try {
            assertThat(message.getAllRecipients()).hasSize(1);
            return ((InternetAddress) message.getAllRecipients()[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void markSending(App app, String email, String leaseMinutesFromNow) throws Exception {
        String sql = "update deliveries set status = 'sending', claimed_by = 'muerto:1:abc', sent_at = null,"
                + " lease_until = ? where subscriber_id = (select id from subscribers where email = ?)";
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, TestWorld.NOW.plusSeconds(60 * Long.parseLong(leaseMinutesFromNow)).atOffset(java.time.ZoneOffset.UTC));
            ps.setString(2, email);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
    }

    private static Map<String, Boolean> possibleDuplicates(App app) throws Exception {
        String sql = "select s.email, d.possible_duplicate from deliveries d join subscribers s on s.id = d.subscriber_id";
        try (Connection c = app.database.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            Map<String, Boolean> rows = new java.util.TreeMap<>();
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getBoolean(2));
            }
            return rows;
        }
    }
}
