package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.config.SourceConfig;

/** The picture of an article from each feed form and from front matter; http: and data: refused. */
class ArticleImagesTest {
    private static final Instant NOW = Instant.parse("2025-12-16T10:00:00Z");
    private static final String FEED = "src/test/resources/article/images/media-rss.xml";

    @TempDir
    Path temp;

    @Test
    void mediaContentGivesTheImageWithItsDescriptionAsAlt() {
        assertThat(article(fetchFeed(), "ddp-101").image()).isEqualTo(new ArticleImage(
                "https://diariodelplata.example/fotos/senado.jpg",
                "El recinto del Senado durante la votación, con las bancas llenas"));
    }

    @Test
    void mediaThumbnailGivesTheImageWithTheHeadlineAsAlt() {
        assertThat(article(fetchFeed(), "ddp-102").image()).isEqualTo(new ArticleImage(
                "https://diariodelplata.example/fotos/puente-mini.jpg", "Reabren el puente Rosario–Victoria"));
    }

    @Test
    void anImageEnclosureGivesTheImageAndAnAudioOneDoesNot() {
        FetchResult result = fetchFeed();

        assertThat(article(result, "ddp-103").image()).isEqualTo(new ArticleImage(
                "https://diariodelplata.example/fotos/grafico-ipc.png", "La inflación de noviembre fue del 2,1 %"));
        assertThat(article(result, "ddp-104").image()).isNull();
    }

    @Test
    void anHttpOrDataImageIsNotKeptAndIsReportedWhileTheArticleIs() {
        FetchResult result = fetchFeed();

        assertThat(article(result, "ddp-105").image()).isNull();
        assertThat(article(result, "ddp-106").image()).isNull();
        assertThat(result.problems()).containsExactly(
                "source \"Diario del Plata\" (" + FEED + "): item 5 (ddp-105): image "
                        + "\"http://diariodelplata.example/fotos/acto.jpg\" not used: only https images are shown; "
                        + "expected an https:// address; the article is kept without it",
                "source \"Diario del Plata\" (" + FEED + "): item 6 (ddp-106): image "
                        + "\"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42…\" "
                        + "not used: a data: URL is never put in a digest; expected an https:// address; "
                        + "the article is kept without it");
    }

    @Test
    void frontMatterImageWithItsAltAndARelativeOneReadAgainstTheArticle() throws IOException {
        write("senado.md", "https://elresumen.example/fotos/senado.jpg", "image-alt: \"El recinto, vacío\"\n");
        write("puente.md", "/fotos/puente.jpg", "");

        FetchResult result = fetchFolder();

        assertThat(result.problems()).isEmpty();
        assertThat(byTitle(result, "senado.md").image())
                .isEqualTo(new ArticleImage("https://elresumen.example/fotos/senado.jpg", "El recinto, vacío"));
        assertThat(byTitle(result, "puente.md").image())
                .isEqualTo(new ArticleImage("https://elresumen.example/fotos/puente.jpg", "Nota puente.md"));
    }

    @Test
    void anHttpFrontMatterImageIsNotKeptAndTheFileIsReported() throws IOException {
        write("acto.md", "http://elresumen.example/fotos/acto.jpg", "");

        FetchResult result = fetchFolder();

        assertThat(byTitle(result, "acto.md").image()).isNull();
        assertThat(result.problems()).containsExactly("source \"Redacción\": " + temp.resolve("acto.md")
                + ": front matter image \"http://elresumen.example/fotos/acto.jpg\" not used: only https images"
                + " are shown; expected an https:// address; the article is kept without it");
    }

    @Test
    void anImageSurvivesTheDatabase() {
        try (Database database = Database.open(new DatabaseConfig("jdbc:h2:mem:images-" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1", "", ""))) {
            ArticleStore store = new ArticleStore(database.dataSource());
            Article stored = store.saveNew(List.of(article(fetchFeed(), "ddp-101"))).get(0);

            assertThat(store.byIds(List.of(stored.id())).get(0).image()).isEqualTo(new ArticleImage(
                    "https://diariodelplata.example/fotos/senado.jpg",
                    "El recinto del Senado durante la votación, con las bancas llenas"));
        }
    }

    private void write(String name, String image, String extra) throws IOException {
        Files.writeString(temp.resolve(name), "---\ntitle: \"Nota " + name + "\"\nurl: https://elresumen.example/notas/"
                + name.replace(".md", "") + "\npublished: 2025-12-16T06:00:00-03:00\nimage: \"" + image + "\"\n"
                + extra + "---\nCuerpo de la nota.\n");
    }

    private static Article byTitle(FetchResult result, String file) {
        return result.articles().stream().filter(a -> a.title().equals("Nota " + file)).findFirst().orElseThrow();
    }

    private static Article article(FetchResult result, String guid) {
        return result.articles().stream().filter(a -> a.identityKey().equals("guid:" + guid)).findFirst().orElseThrow();
    }

    private static FetchResult fetchFeed() {
        return Sources.from(List.of(new SourceConfig("Diario del Plata", FEED, null)), clock()).get(0).fetch();
    }

    private FetchResult fetchFolder() {
        return Sources.from(List.of(new SourceConfig("Redacción", null, temp.toString())), clock()).get(0).fetch();
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
