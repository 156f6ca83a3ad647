package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;

class ArticleStoreTest {
    private Database database;
    private ArticleStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:articles-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new ArticleStore(database.dataSource());
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anArticleComesBackWithSpanishTextTagsAndInstantsIntact() {
        Article article = article("guid:ddp-1", "https://diariodelplata.example/politica/pena-arbo",
                "Peña Arbó: «No vamos a votar un presupuesto “a ciegas”» — y ‘punto’…", "2025-12-15T11:40:00Z");

        List<Article> saved = store.saveNew(List.of(article));

        assertThat(saved).singleElement().satisfies(a -> assertThat(a.id()).isPositive());
        Article read = store.byIds(List.of(saved.get(0).id())).get(0);
        assertThat(read).isEqualTo(saved.get(0));
        assertThat(read.title()).isEqualTo("Peña Arbó: «No vamos a votar un presupuesto “a ciegas”» — y ‘punto’…");
        assertThat(read.tags()).containsExactly("Política", "Presupuesto 2026");
    }

    @Test
    void anArticleWithoutTagsOrAuthorComesBackEmpty() {
        Article bare = new Article(0, "url:https://elresumen.example/a", "Redacción", "https://elresumen.example/a",
                "Sin etiquetas", "", null, null, List.of(), Instant.parse("2025-12-15T12:00:00Z"),
                Instant.parse("2025-12-15T12:05:00Z"), 1);

        Article read = store.byIds(List.of(store.saveNew(List.of(bare)).get(0).id())).get(0);

        assertThat(read.tags()).isEmpty();
        assertThat(read.author()).isNull();
        assertThat(read.section()).isNull();
    }

    @Test
    void anArticleAlreadyStoredUnderTheSameKeyOrTheSameUrlIsNotStoredAgain() {
        store.saveNew(List.of(article("guid:ddp-1", "https://diariodelplata.example/a", "Primera", "2025-12-15T11:00:00Z")));

        List<Article> saved = store.saveNew(List.of(
                article("guid:ddp-1", "https://diariodelplata.example/otra", "Misma guid", "2025-12-15T12:00:00Z"),
                article("url:https://diariodelplata.example/a", "https://diariodelplata.example/a", "Misma URL",
                        "2025-12-15T12:00:00Z"),
                article("guid:ddp-2", "https://diariodelplata.example/b", "Nueva", "2025-12-15T13:00:00Z"),
                article("guid:ddp-2", "https://diariodelplata.example/b", "Repetida en el lote", "2025-12-15T13:00:00Z")));

        assertThat(saved).extracting(Article::title).containsExactly("Nueva");
        assertThat(store.publishedBetween(Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z")))
                .extracting(Article::title).containsExactly("Nueva", "Primera");
    }

    @Test
    void publishedBetweenExcludesTheStartIncludesTheEndAndListsNewestFirst() {
        Instant from = Instant.parse("2025-12-14T22:00:00Z");
        Instant to = Instant.parse("2025-12-16T10:00:00Z");
        store.saveNew(List.of(
                article("guid:justo-al-inicio", "https://x.example/1", "Justo al inicio", "2025-12-14T22:00:00Z"),
                article("guid:despues-del-inicio", "https://x.example/2", "Después del inicio", "2025-12-14T22:00:01Z"),
                article("guid:justo-al-corte", "https://x.example/3", "Justo al corte", "2025-12-16T10:00:00Z"),
                article("guid:despues-del-corte", "https://x.example/4", "Después del corte", "2025-12-16T10:00:01Z")));

        assertThat(store.publishedBetween(from, to)).extracting(Article::title)
                .containsExactly("Justo al corte", "Después del inicio");
    }

    @Test
    void byIdsKeepsTheGivenOrderAndLeavesOutUnknownIds() {
        List<Article> saved = store.saveNew(List.of(
                article("guid:a", "https://x.example/a", "A", "2025-12-15T10:00:00Z"),
                article("guid:b", "https://x.example/b", "B", "2025-12-15T11:00:00Z"),
                article("guid:c", "https://x.example/c", "C", "2025-12-15T12:00:00Z")));

        List<Article> read = store.byIds(List.of(saved.get(2).id(), 999_999L, saved.get(0).id(), saved.get(1).id()));

        assertThat(read).extracting(Article::title).containsExactly("C", "A", "B");
        assertThat(store.byIds(List.of())).isEmpty();
    }

    @Test
    void recordFetchKeepsTheLastFetchAndItsErrorPerSource() throws Exception {
        Instant first = Instant.parse("2025-12-16T09:00:00Z");
        Instant second = Instant.parse("2025-12-16T10:00:00Z");
        store.recordFetch("Diario del Plata", "https://diariodelplata.example/feed.xml", first, "HTTP 404");
        store.recordFetch("Diario del Plata", "https://diariodelplata.example/feed.xml", second, null);
        store.recordFetch("Redacción", "sources/redaccion", second, "folder not found");

        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select name, last_fetched_at, last_error from sources order by name");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Diario del Plata");
            assertThat(rs.getObject(2, OffsetDateTime.class).toInstant()).isEqualTo(second);
            assertThat(rs.getString(3)).isNull();
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Redacción");
            assertThat(rs.getString(3)).isEqualTo("folder not found");
            assertThat(rs.next()).isFalse();
        }
    }

    private static Article article(String key, String url, String title, String published) {
        Instant at = Instant.parse(published);
        return new Article(0, key, "Diario del Plata", url, title, "Resumen con ñ y «comillas».", "Lucía Bermejo",
                "Política", List.of("Política", "Presupuesto 2026"), at, at.plusSeconds(60), 2);
    }
}
