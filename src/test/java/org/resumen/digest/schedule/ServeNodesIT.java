package org.resumen.digest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.testing.Cli;
import org.resumen.digest.testing.DemoFiles;
import org.resumen.digest.testing.FeedItem;
import org.resumen.digest.testing.Postgres;
import org.resumen.digest.testing.ReceivedMail;
import org.resumen.digest.testing.ScriptedSmtp;

/**
 * Issue 6 item 8 with real processes: two {@code digest serve} nodes (two JVMs) on one PostgreSQL,
 * the schedule set to fire a few seconds after they started (no clock can be injected across JVMs).
 * The edition fires on one node only, every subscriber gets one message, and both nodes delivered
 * part of it: the SMTP server tells them apart by their EHLO names ({@code smtp.helo} per node).
 * One node killed with kill -9 mid-send: the other finishes the edition; nobody is lost, and what
 * the dead node held is retaken and marked as possible duplicates.
 */
class ServeNodesIT {
    private static final int READERS = 120;
    /** Time for both JVMs to start (and migrate the database) before the edition fires; each then sends 5 messages a second. */
    private static final Duration LEAD = Duration.ofSeconds(40);
    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    /** A safety net for a test that waits on real processes, never an assertion on time. */
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final String NODE_A = "nodo-a.resumen.example.net";
    private static final String NODE_B = "nodo-b.resumen.example.net";
    private static final String EDITION_REPORT = "This run: " + READERS + " due";
    private static final Pattern RETAKEN = Pattern.compile("Retaken after another run's lease ran out: (\\d+)");

    @TempDir
    Path dir;

    private final ReceivedMail received = new ReceivedMail();
    private final List<Process> nodes = new ArrayList<>();
    private DatabaseConfig database;
    private ZonedDateTime fire;

    @AfterEach
    void stopNodes() {
        nodes.stream().filter(Process::isAlive).forEach(Cli::terminate);
    }

    @Test
    void twoServeNodesFireTheEditionOnceAndBothSendPartOfIt() throws Exception {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0)) {
            Path config = config(smtp.port());
            Process a = node(NODE_A, config);
            Process b = node(NODE_B, config);
            awaitBothStarted(a, b);

            await(a, "every delivery recorded sent", () -> count("select count(*) from deliveries where status = 'sent'") == READERS);
            await(a, "the edition's report printed", () -> (output(NODE_A) + output(NODE_B)).contains(EDITION_REPORT));

            assertThat(received.messagesPerRecipient()).as("every subscriber exactly once").hasSize(READERS)
                    .allSatisfy((email, messages) -> assertThat(messages).as(email).isEqualTo(1));
            assertThat(smtp.acceptedPerHelo()).as("messages per node").containsOnlyKeys(NODE_A, NODE_B)
                    .allSatisfy((node, messages) -> assertThat(messages).as(node).isPositive());
            assertThat(count("select count(*) from editions")).isEqualTo(1);
            assertThat(count("select count(distinct claimed_by) from deliveries")).as("runs that claimed rows").isGreaterThanOrEqualTo(2);
            assertThat(List.of(output(NODE_A), output(NODE_B))).as("the edition's own report, printed by the node it fired on")
                    .filteredOn(out -> out.contains(EDITION_REPORT)).hasSize(1);
            assertThat(a.isAlive() && b.isAlive()).isTrue();
        }
    }

    @Test
    void whenOneNodeIsKilledMidSendTheOtherFinishesTheEditionAndCountsWhatItRetook() throws Exception {
        try (ScriptedSmtp smtp = ScriptedSmtp.recordingInto(received).start(0)) {
            Path config = config(smtp.port());
            Process a = node(NODE_A, config);
            Process b = node(NODE_B, config);
            awaitBothStarted(a, b);
            await(b, "both nodes delivering", () -> smtp.acceptedPerHelo().getOrDefault(NODE_A, 0) >= 5
                    && smtp.acceptedPerHelo().getOrDefault(NODE_B, 0) >= 5);

            a.destroyForcibly().waitFor();
            int sentBeforeTheKill = smtp.acceptedPerHelo().get(NODE_A);
            String deadNode = "%:" + a.pid() + ":%";
            int heldByTheDead = count("select count(*) from deliveries where status = 'sending' and claimed_by like ?", deadNode);
            // The dead node's lease would run 15 minutes (Claims.LEASE); the operator who knows the node is
            // gone ends it, as the README says, and the next sweep of the living node retakes those rows.
            int released = update("update deliveries set lease_until = current_timestamp where status = 'sending'"
                    + " and claimed_by like ?", deadNode);
            await(b, "every delivery settled by the living node", () -> count("select count(*) from deliveries where status = 'sent'") == READERS);
            await(b, "the living node reported what it retook", () -> retakenReported(output(NODE_B)) >= heldByTheDead);

            int duplicates = received.total() - received.messagesPerRecipient().size();
            assertThat(received.messagesPerRecipient()).as("nobody lost").hasSize(READERS);
            assertThat(released).isEqualTo(heldByTheDead);
            assertThat(heldByTheDead).as("what the dead node held: at most its connections x a claim batch").isBetween(1, 2 * 16);
            assertThat(duplicates).as("duplicates, at most the messages in flight").isBetween(0, heldByTheDead);
            assertThat(count("select count(*) from deliveries where possible_duplicate")).as("rows retaken")
                    .isEqualTo(heldByTheDead);
            assertThat(smtp.acceptedPerHelo().get(NODE_A)).as("the dead node sent nothing more").isEqualTo(sentBeforeTheKill);
            assertThat(b.isAlive()).isTrue();
            assertThat(retakenReported(output(NODE_B))).as(output(NODE_B)).isEqualTo(heldByTheDead);
        }
    }

    /** The sum of the "Retaken after another run's lease ran out: N" lines of a node's run reports. */
    private static int retakenReported(String out) {
        return RETAKEN.matcher(out).results().mapToInt(m -> Integer.parseInt(m.group(1))).sum();
    }

    /** One node: {@code digest serve} in its own JVM and folder, its EHLO name from the environment. */
    private Process node(String helo, Path config) throws IOException {
        Path home = Files.createDirectories(dir.resolve(helo));
        Process node = Cli.start(home, Map.of("DIGEST_SMTP_HELO", helo), "serve", "--config", config.toString());
        nodes.add(node);
        return node;
    }

    /** Both nodes started and wait for the edition's fire (not for tomorrow's: a start slower than LEAD says so). */
    private void awaitBothStarted(Process a, Process b) throws InterruptedException {
        await(a, "both schedulers started", () -> output(NODE_A).contains("Scheduler started")
                && output(NODE_B).contains("Scheduler started"));
        String next = "next edition at " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(fire);
        assertThat(List.of(output(NODE_A), output(NODE_B))).as("the nodes started within " + LEAD + ", before the fire")
                .allSatisfy(out -> assertThat(out).contains(next));
    }

    private String output(String helo) {
        return Cli.output(dir.resolve(helo));
    }

    /**
     * READERS subscribers, a feed of the last hours, two connections at 5 messages a second per node,
     * no web server, one fresh PostgreSQL database, and the schedule {@link #LEAD} from now.
     */
    private Path config(int smtpPort) {
        database = Postgres.server().newDatabase();
        OffsetDateTime now = OffsetDateTime.now();
        Path feed = DemoFiles.writeFeed(dir.resolve("feed.xml"), List.of(
                new FeedItem("«Sesión maratónica»: Diputados aprobó el presupuesto después de 20 horas",
                        "https://diario.example.net/notas/presupuesto", "Votaron 131 a favor — la oposición pidió “más tiempo”…",
                        now.minusHours(1)),
                new FeedItem("Ñandúes y guanacos: Parques Nacionales amplía la reserva de Campos del Tuyú",
                        "https://diario.example.net/notas/reserva", "La ampliación suma 3.000 hectáreas.", now.minusHours(3))));
        Path subscribers = DemoFiles.writeSubscribers(dir.resolve("subscribers"), IntStream.rangeClosed(1, READERS)
                .mapToObj(i -> "lector" + i + "@example.org,Lector " + i + ",es-AR,").toList());
        fire = ZonedDateTime.now(BUENOS_AIRES).plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        try {
            return Files.writeString(dir.resolve("digest.yml"), """
                    newsletter:
                      name: "%s"
                      from: "%s <%s>"
                      base-url: "%s"
                      schedule: "%d %d %d * * ?"
                    sources:
                      - { name: "Diario de Prueba", feed: "%s" }
                    subscribers: "%s"
                    templates: "%s"
                    smtp: { host: 127.0.0.1, port: %d, connections: 2, max-per-second: 5 }
                    database: { url: "%s", username: "%s" }
                    web: { port: 0 }
                    secret: "%s"
                    """.formatted(DemoFiles.NEWSLETTER_NAME, DemoFiles.FROM_NAME, DemoFiles.FROM_ADDRESS, DemoFiles.BASE_URL,
                    fire.getSecond(), fire.getMinute(), fire.getHour(), feed, subscribers, Path.of("templates").toAbsolutePath(),
                    smtpPort, database.url(), database.username(), DemoFiles.SECRET));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds; fails with the nodes' output when {@code watched} dies or patience runs out. */
    private void await(Process watched, String what, BooleanSupplier condition) throws InterruptedException {
        long giveUp = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (!watched.isAlive() || System.nanoTime() > giveUp) {
                throw new AssertionError("never reached: " + what + "; node A printed:\n" + output(NODE_A)
                        + "\nnode B printed:\n" + output(NODE_B));
            }
            Thread.sleep(200);
        }
    }

    private int count(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            // the tables appear when the first node has migrated the database
            return -1;
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database.url(), database.username(), database.password());
    }
}
