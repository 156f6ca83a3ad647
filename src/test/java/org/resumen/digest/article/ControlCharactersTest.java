package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;

/**
 * Issue 5 item 3: a NUL in one Markdown title made every ingest fail on PostgreSQL ("invalid byte
 * sequence … 0x00"), and the save ran outside the per-source error handling. Now control characters
 * and bidi overrides never reach the database, and a database error costs one source only.
 */
class ControlCharactersTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path folder;

    private Database database;
    private ArticleStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:controls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new ArticleStore(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aNulAndBidiOverridesInAMarkdownTitleAreRemovedBeforeTheArticleIsStored() throws Exception {
        Files.writeString(folder.resolve("nul.md"), "---\ntitle: \"El Senado\\0 aprobó \\u202Ela ley\\u202C\"\n"
                + "url: https://elresumen.example/notas/nul\npublished: 2025-12-16T06:30:00-03:00\n"
                + "author: \"Ana\\x07 Peña\"\ntags: [\"senado\\0\", \"ley\\u2066\"]\nsection: \"Política\\x1b\"\n---\n"
                + "Cuerpo con NUL \u0000 y \u0085 control.\n");

        IngestReport report = ingester(new MarkdownFolderSource("Redacción", folder, CLOCK)).ingestAll();

        assertThat(report.ok()).isTrue();
        assertThat(report.outcomes().get(0).problems()).isEmpty();
        assertThat(store.publishedBetween(Instant.EPOCH, CLOCK.instant())).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("El Senado aprobó la ley");
            assertThat(article.author()).isEqualTo("Ana Peña");
            assertThat(article.tags()).containsExactly("senado", "ley");
            assertThat(article.section()).isEqualTo("Política");
            assertThat(article.summary()).isEqualTo("Cuerpo con NUL y control.");
        });
    }

    @Test
    void controlsWrittenAsCharacterReferencesInAFeedAreRemovedToo() {
        String xml = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<item><title>Hola&amp;#x202E; mundo\u0001</title><link>https://diario.example/a</link>"
                + "<description>Texto &amp;#0; con &amp;#x85; cosas</description><author>x\u0000y</author></item></channel></rss>";

        FetchResult result = new FeedSource("Diario", "d.xml",
                previous -> new FeedDocument(xml.getBytes(StandardCharsets.UTF_8), null, URI.create("file:///d.xml")),
                CLOCK).fetch();

        assertThat(result.problems()).isEmpty();
        assertThat(result.articles()).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("Hola mundo");
            assertThat(article.summary()).doesNotContain("\u0000", "\u0085", "\uFFFD").startsWith("Texto");
            assertThat(article.author()).isEqualTo("xy");
        });
    }

    @Test
    void aDatabaseErrorWhileSavingOneSourceIsReportedForThatSourceAndTheOthersAreStored() throws Exception {
        ArticleSource broken = new FixedSource("Roto", List.of(article("guid:roto", "x".repeat(5000))));
        ArticleSource good = new FixedSource("Bueno", List.of(article("guid:bueno", "Titular bueno")));

        IngestReport report = ingester(broken, good).ingestAll();

        assertThat(report.outcomes().get(0).failed()).isTrue();
        assertThat(report.outcomes().get(0).error()).startsWith("source \"Roto\" (memoria): database: cannot save articles: ");
        assertThat(report.outcomes().get(1).failed()).isFalse();
        assertThat(store.publishedBetween(Instant.EPOCH, CLOCK.instant())).extracting(Article::title)
                .containsExactly("Titular bueno");
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select last_error from sources where name = 'Roto'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("source \"Roto\" (memoria): database: cannot save articles:");
        }
    }

    private Ingester ingester(ArticleSource... sources) {
        return new Ingester(List.of(sources), store, CLOCK);
    }

    // A title longer than its column is what a database refuses on H2 as on PostgreSQL.
    private static Article article(String key, String title) {
        return new Article(0, key, "Prueba", "https://diario.example/" + key.substring(5), title, "Resumen.", null, null,
                List.of(), CLOCK.instant(), CLOCK.instant(), 1);
    }

    private record FixedSource(String name, List<Article> articles) implements ArticleSource {
        @Override
        public String location() {
            return "memoria";
        }

        @Override
        public FetchResult fetch() {
            return new FetchResult(articles, List.of());
        }
    }
}
