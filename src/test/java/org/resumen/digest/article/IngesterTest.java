package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.config.SourceConfig;
import org.slf4j.LoggerFactory;

class IngesterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);
    private static final String GOOD_FOLDER = "src/test/resources/article/redaccion-con-un-error";
    private static final String MISSING_FEED = "src/test/resources/article/feeds/no-existe.xml";

    private Database database;
    private ArticleStore store;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void setUp() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:ingest-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new ArticleStore(database.dataSource());
        log.start();
        ((Logger) LoggerFactory.getLogger(Ingester.class)).addAppender(log);
    }

    @AfterEach
    void tearDown() {
        ((Logger) LoggerFactory.getLogger(Ingester.class)).detachAppender(log);
        database.close();
    }

    @Test
    void aFailingSourceDoesNotStopTheGoodOneAndIsReportedWithItsReason() throws Exception {
        IngestReport report = ingester(
                new SourceConfig("Diario Caído", MISSING_FEED, null),
                new SourceConfig("Redacción", null, GOOD_FOLDER)).ingestAll();

        assertThat(report.ok()).isFalse();
        assertThat(report.added()).isEqualTo(2);
        SourceOutcome failed = report.outcomes().get(0);
        assertThat(failed.failed()).isTrue();
        assertThat(failed.error()).isEqualTo("source \"Diario Caído\" (" + MISSING_FEED + "): file not found: "
                + Path.of(MISSING_FEED).toAbsolutePath());
        SourceOutcome good = report.outcomes().get(1);
        assertThat(good.failed()).isFalse();
        assertThat(good.fetched()).isEqualTo(2);
        assertThat(good.added()).isEqualTo(2);
        assertThat(good.problems()).singleElement().asString().contains("senado.md: front matter \"published\"");
        assertThat(store.publishedBetween(Instant.EPOCH, CLOCK.instant())).hasSize(2);
        assertThat(lastErrors()).containsExactly("Diario Caído=" + failed.error(), "Redacción=null");
    }

    @Test
    void aSecondRunAddsNothingNew() {
        Ingester ingester = ingester(new SourceConfig("Redacción", null, GOOD_FOLDER));
        ingester.ingestAll();

        IngestReport again = ingester.ingestAll();

        assertThat(again.ok()).isTrue();
        assertThat(again.added()).isZero();
        assertThat(again.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.fetched()).isEqualTo(2);
            assertThat(o.added()).isZero();
        });
    }

    /** Issue 5 item 8: each ingest problem was printed twice (a WARN log line and the CLI's "problem:" line). */
    @Test
    void eachIngestProblemIsLoggedOnceAtInfoSoTheConsoleShowsOnlyTheReportsLine() {
        ingester(new SourceConfig("Diario Caído", MISSING_FEED, null),
                new SourceConfig("Redacción", null, GOOD_FOLDER)).ingestAll();

        assertThat(log.list).extracting(e -> e.getLevel() + " " + e.getFormattedMessage()).containsExactlyInAnyOrder(
                "INFO source \"Diario Caído\" (" + MISSING_FEED + "): file not found: "
                        + Path.of(MISSING_FEED).toAbsolutePath(),
                "INFO source \"Redacción\": fetched 2, added 2",
                "INFO source \"Redacción\": " + Path.of(GOOD_FOLDER, "senado.md") + ": front matter \"published\" must be "
                        + "ISO-8601 with offset, like 2025-12-16T06:30:00-03:00; got \"ayer\"");
    }

    private Ingester ingester(SourceConfig... configs) {
        return new Ingester(Sources.from(List.of(configs), CLOCK), store, CLOCK);
    }

    private List<String> lastErrors() throws Exception {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select name, last_error from sources order by name")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getString(1) + "=" + rs.getString(2));
            }
            return rows;
        }
    }
}
