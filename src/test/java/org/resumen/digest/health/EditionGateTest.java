package org.resumen.digest.health;

import org.resumen.digest.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.Database;
import org.resumen.digest.article.ArticleStore;
import org.resumen.digest.article.IngestReport;
import org.resumen.digest.article.Ingester;
import org.resumen.digest.article.Sources;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.config.SourceConfig;

/** Every branch of skip / send-and-alert / hold, on real feeds from files, a real H2 and an injected clock. */
class EditionGateTest {
    private static final ZoneId ZONE = ZoneId.of("America/Argentina/Buenos_Aires");
    private static final Instant SEVEN_AM = Instant.parse("2025-12-16T10:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(20);

    @TempDir
    Path temp;
    private Database database;
    private SourceHealth health;
    private final MovableClock clock = new MovableClock(SEVEN_AM);
    private final List<Duration> waits = new ArrayList<>();
    private Runnable onSleep = () -> { };

    @BeforeEach
    void open() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:health-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        health = new SourceHealth(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aSourceThatFailsThenRecoversWithinTheGraceIsReadAndTheEditionSent() throws IOException {
        feed("plata.xml", "ddp-1");
        onSleep = () -> {
            if (clock.instant().equals(SEVEN_AM.plus(Duration.ofMinutes(3)))) {
                feed("austral.xml", "aa-1");
            }
        };
        EditionGate gate = gate("plata.xml", "austral.xml");

        IngestReport report = gate.ingest();

        assertThat(report.ok()).isTrue();
        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2));
        assertThat(gate.decide(2, report, "El Resumen").verdict()).isEqualTo(EditionGate.Verdict.SEND);
    }

    @Test
    void aSourceThatNeverRecoversIsRetriedForTheGraceThenTheEditionGoesWithoutItAndAnAlertSaysSince() throws IOException {
        feed("plata.xml", "ddp-1");
        EditionGate gate = gate("plata.xml", "austral.xml");

        IngestReport report = gate.ingest();
        EditionGate.Decision decision = gate.decide(1, report, "El Resumen");

        assertThat(waits).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(SEVEN_AM.plus(GRACE));
        assertThat(decision.verdict()).isEqualTo(EditionGate.Verdict.SEND_AND_ALERT);
        assertThat(decision.reason()).isEqualTo("sent without \"Agencia Austral\"");
        assertThat(gate.alertText(decision, LocalDate.of(2025, 12, 16)))
                .startsWith("Edition of 2025-12-16: sent without \"Agencia Austral\".\n\n"
                        + "- source \"Agencia Austral\" failing since 2025-12-16 07:00 (America/Argentina/Buenos_Aires): ")
                .contains("austral.xml");
    }

    @Test
    void everySourceFailingHoldsTheEdition() {
        EditionGate gate = gate("plata.xml", "austral.xml");

        EditionGate.Decision decision = gate.decide(0, gate.ingest(), "El Resumen");

        assertThat(decision.verdict()).isEqualTo(EditionGate.Verdict.HOLD);
        assertThat(decision.reason()).isEqualTo("every source failed; the edition is held");
        assertThat(decision.failing()).extracting(EditionGate.Failing::source)
                .containsExactly("Diario del Plata", "Agencia Austral");
    }

    @Test
    void underAThirdOfTheUsualEditionWhileASourceFailsHoldsIt() throws Exception {
        feed("plata.xml", "ddp-1");
        pastEditions(9, 9, 9);
        EditionGate gate = gate("plata.xml", "austral.xml");

        EditionGate.Decision decision = gate.decide(2, gate.ingest(), "El Resumen");

        assertThat(decision.verdict()).isEqualTo(EditionGate.Verdict.HOLD);
        assertThat(decision.reason()).isEqualTo("the edition has 2 articles, under a third of the usual 9, while"
                + " \"Agencia Austral\" fails; the edition is held");
    }

    @Test
    void aThinEditionWhileEverySourceWorksIsSent() throws Exception {
        feed("plata.xml", "ddp-1");
        feed("austral.xml", "aa-1");
        pastEditions(9, 9, 9);
        EditionGate gate = gate("plata.xml", "austral.xml");

        assertThat(gate.decide(2, gate.ingest(), "El Resumen").verdict()).isEqualTo(EditionGate.Verdict.SEND);
        assertThat(waits).isEmpty();
    }

    @Test
    void healthySourcesAndNothingNewIsASkipSayingNoNews() throws IOException {
        feed("plata.xml", "ddp-1");
        EditionGate gate = gate("plata.xml");

        EditionGate.Decision decision = gate.decide(0, gate.ingest(), "El Resumen");

        assertThat(decision.verdict()).isEqualTo(EditionGate.Verdict.SKIP);
        assertThat(decision.reason()).isEqualTo("no news");
    }

    @Test
    void aSourceSilentForThreeTimesItsUsualIntervalIsStaleAndAThinEditionHeld() throws Exception {
        feed("plata.xml", "ddp-1");
        feed("austral.xml", "aa-1");
        gate("plata.xml", "austral.xml").ingest();
        // Fourteen articles in the last fortnight: one a day; five days later without a new one it is stale.
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("update source_days set articles = 14, fetch_day = date '2025-12-10' where source_name = 'Agencia Austral'");
        }
        pastEditions(9, 9, 9);
        clock.advance(Duration.ofDays(5));

        EditionGate gate = gate("plata.xml", "austral.xml");
        EditionGate.Decision decision = gate.decide(1, gate.ingest(), "El Resumen");

        assertThat(decision.stale()).containsExactly("Agencia Austral");
        assertThat(decision.verdict()).isEqualTo(EditionGate.Verdict.HOLD);
        assertThat(decision.reason()).contains("\"Agencia Austral\" is stale");
    }

    @Test
    void theHistoryCountsFetchesFailuresAndArticlesAndAnAlertIsClaimedOncePerDay() throws Exception {
        feed("plata.xml", "ddp-1");
        gate("plata.xml", "austral.xml").ingest();

        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select source_name, fetches, failures, articles from source_days order by source_name")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getInt(4));
            }
            assertThat(rows).containsExactly("Agencia Austral 6 6 0", "Diario del Plata 6 0 1");
        }
        assertThat(health.failingSince("Agencia Austral")).contains(SEVEN_AM);
        assertThat(health.lastArticle("Diario del Plata")).contains(SEVEN_AM);
        LocalDate day = LocalDate.of(2025, 12, 16);
        assertThat(health.claimAlert("Agencia Austral", day, SEVEN_AM)).isTrue();
        assertThat(health.claimAlert("Agencia Austral", day, SEVEN_AM.plusSeconds(60))).isFalse();
        assertThat(health.claimAlert("Agencia Austral", day.plusDays(1), SEVEN_AM.plus(Duration.ofDays(1)))).isTrue();
    }

    private EditionGate gate(String... files) {
        List<SourceConfig> configs = new ArrayList<>();
        for (String file : files) {
            configs.add(new SourceConfig(file.startsWith("plata") ? "Diario del Plata" : "Agencia Austral",
                    temp.resolve(file).toString(), null));
        }
        Ingester ingester = new Ingester(Sources.from(configs, clock), new ArticleStore(database.dataSource()), clock);
        return new EditionGate(ingester::ingestAll, health, GRACE, clock, wait -> {
            waits.add(wait);
            clock.advance(wait);
            onSleep.run();
        }, ZONE);
    }

    private void feed(String file, String guid) {
        try {
            Files.writeString(temp.resolve(file), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
                    + "<title>Fuente</title><link>https://fuente.example/</link><description>d</description><item>"
                    + "<title>Nota " + guid + " sobre el Senado</title><link>https://fuente.example/" + guid + "</link>"
                    + "<guid>" + guid + "</guid><pubDate>Tue, 16 Dec 2025 06:30:00 -0300</pubDate>"
                    + "<description>Resumen.</description></item></channel></rss>\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void pastEditions(int... sizes) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < sizes.length; i++) {
                String day = LocalDate.of(2025, 12, 13 + i).toString();
                s.executeUpdate("insert into editions (id, newsletter, edition_date, cutoff_at, window_start_at, created_at)"
                        + " values (" + (100 + i) + ", 'El Resumen', date '" + day + "', timestamp with time zone '"
                        + day + " 10:00:00+00', timestamp with time zone '" + day + " 00:00:00+00', timestamp with time zone '"
                        + day + " 10:00:00+00')");
                for (int a = 0; a < sizes[i]; a++) {
                    long id = 1000L * (i + 1) + a;
                    s.executeUpdate("insert into articles (id, identity_key, source_name, url, title, summary, tags, published_at,"
                            + " first_seen_at, reading_minutes) values (" + id + ", 'k" + id + "', 'Diario del Plata', '', 't', '',"
                            + " '', timestamp with time zone '" + day + " 09:00:00+00', timestamp with time zone '" + day
                            + " 09:00:00+00', 0)");
                    s.executeUpdate("insert into edition_articles (edition_id, article_id, position) values ("
                            + (100 + i) + ", " + id + ", " + a + ")");
                }
            }
        }
    }
}
