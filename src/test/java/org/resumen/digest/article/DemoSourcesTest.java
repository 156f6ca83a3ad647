package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.SourceConfig;

class DemoSourcesTest {
    private static final Instant CUTOFF = OffsetDateTime.parse("2025-12-16T07:00:00-03:00").toInstant();
    private static final Instant WINDOW_START = CUTOFF.minus(Duration.ofHours(36));
    private static final Instant EARLIEST = OffsetDateTime.parse("2025-12-15T08:00:00-03:00").toInstant();
    private static final Instant LATEST = OffsetDateTime.parse("2025-12-16T06:45:00-03:00").toInstant();
    private static final List<String> SECTIONS = List.of("Política", "Economía", "Congreso", "Provincias", "Justicia");
    private static final Clock CLOCK = Clock.fixed(CUTOFF, ZoneOffset.UTC);

    @Test
    void theDemoFeedGivesSixItemsWithoutProblems() {
        FetchResult feed = fetch(new SourceConfig("Diario del Plata", "sources/diario-del-plata.xml", null));

        assertThat(feed.problems()).isEmpty();
        assertThat(feed.articles()).hasSize(6).allSatisfy(article -> {
            assertThat(article.sourceName()).isEqualTo("Diario del Plata");
            assertThat(article.url()).startsWith("https://diariodelplata.example/").doesNotContain("utm_", "#");
            assertThat(article.identityKey()).startsWith("guid:ddp-");
            assertThat(article.section()).isIn(SECTIONS);
            assertThat(article.summary()).isNotBlank().doesNotContain("<", "document.cookie").hasSizeLessThanOrEqualTo(300);
        });
        assertThat(feed.articles()).filteredOn(a -> a.author() != null).hasSizeGreaterThanOrEqualTo(2);
        assertThat(inWindow(feed)).hasSize(5);
        assertThat(feed.articles()).filteredOn(a -> a.published().isAfter(CUTOFF)).singleElement()
                .extracting(Article::published).isEqualTo(OffsetDateTime.parse("2025-12-16T09:30:00-03:00").toInstant());
    }

    @Test
    void theDemoNewsroomFolderGivesFiveArticlesWithoutProblems() {
        FetchResult folder = fetch(new SourceConfig("Redacción El Resumen", null, "sources/redaccion"));

        assertThat(folder.problems()).isEmpty();
        assertThat(folder.articles()).hasSize(5).allSatisfy(article -> {
            assertThat(article.sourceName()).isEqualTo("Redacción El Resumen");
            assertThat(article.url()).startsWith("https://elresumen.example/notas/").doesNotContain("utm_", "#");
            assertThat(article.section()).isIn(SECTIONS);
            assertThat(article.tags()).isNotEmpty();
            assertThat(article.author()).isNotBlank();
        });
        assertThat(inWindow(folder)).hasSize(4);
        assertThat(folder.articles()).filteredOn(a -> a.published().isBefore(WINDOW_START)).singleElement()
                .extracting(Article::published).isEqualTo(OffsetDateTime.parse("2025-12-13T10:00:00-03:00").toInstant());
    }

    @Test
    void theDemoNewsroomBodiesAreBetween150And400Words() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("sources/redaccion"))) {
            assertThat(files.toList()).hasSize(5).allSatisfy(file -> {
                String body = Files.readString(file).split("\n---\n", 2)[1];
                assertThat(body.strip().split("\\s+").length).as(file.toString()).isBetween(150, 400);
            });
        }
    }

    @Test
    void theScriptInTheDemoFeedNeverReachesTheSummary() {
        Article bono = fetch(new SourceConfig("Diario del Plata", "sources/diario-del-plata.xml", null)).articles().get(1);

        assertThat(bono.url()).isEqualTo("https://diariodelplata.example/economia/villafane-bono-jubilados");
        assertThat(bono.summary()).isEqualTo("La ministra de Hacienda, Begoña Villafañe, confirmó un bono de 85.000 "
                + "pesos para quienes cobran el haber mínimo. «Es un esfuerzo enorme, pero las cuentas lo permiten», "
                + "dijo en conferencia. Los gremios de jubilados lo consideraron “insuficiente, aunque necesario”.");
    }

    // Everything but the two deliberate outliers sits well inside the demo edition's window.
    private static List<Article> inWindow(FetchResult result) {
        return result.articles().stream()
                .filter(a -> !a.published().isBefore(EARLIEST) && !a.published().isAfter(LATEST))
                .filter(a -> a.published().isAfter(WINDOW_START) && !a.published().isAfter(CUTOFF))
                .toList();
    }

    private static FetchResult fetch(SourceConfig config) {
        return Sources.from(List.of(config), CLOCK).get(0).fetch();
    }
}
