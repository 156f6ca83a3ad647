package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.config.SourceConfig;

class MarkdownFolderSourceTest {
    private static final Instant NOW = Instant.parse("2025-12-16T10:00:00Z");
    private static final String FOLDER = "src/test/resources/article/redaccion-con-un-error";

    @TempDir
    Path temp;

    @Test
    void aFolderWithOneBadFileGivesTheGoodArticlesAndNamesTheBadFileAndField() {
        FetchResult result = fetch(FOLDER);

        assertThat(result.articles()).extracting(Article::title).containsExactly(
                "Alquileres: qué cambia con la ley que votó Diputados", "La ministra Villafañe confirmó el bono");
        assertThat(result.problems()).containsExactly("source \"Redacción\": " + Path.of(FOLDER, "senado.md") + ": front matter \"published\" "
                + "must be ISO-8601 with offset, like 2025-12-16T06:30:00-03:00; got \"ayer\"");
    }

    @Test
    void frontMatterFieldsBecomeTheArticle() {
        Article article = fetch(FOLDER).articles().get(0);

        assertThat(article.url()).isEqualTo("https://elresumen.example/notas/alquileres-que-cambia");
        assertThat(article.identityKey()).isEqualTo("url:https://elresumen.example/notas/alquileres-que-cambia");
        assertThat(article.published()).isEqualTo(Instant.parse("2025-12-15T23:10:00Z"));
        assertThat(article.firstSeen()).isEqualTo(NOW);
        assertThat(article.sourceName()).isEqualTo("Redacción El Resumen");
        assertThat(article.section()).isEqualTo("Congreso");
        assertThat(article.tags()).containsExactly("vivienda", "alquileres");
        assertThat(article.author()).isEqualTo("Carla Quiñones");
        assertThat(article.summary()).isEqualTo(
                "La ley fija contratos de tres años y ajustes semestrales. Más detalles en la votación.");
        assertThat(article.readingMinutes()).isEqualTo(1);
    }

    @Test
    void withoutSourceInFrontMatterTheConfiguredNameIsShown() {
        Article article = fetch(FOLDER).articles().get(1);

        assertThat(article.sourceName()).isEqualTo("Redacción");
        assertThat(article.tags()).containsExactly("jubilaciones", "bono");
        assertThat(article.author()).isNull();
    }

    @Test
    void eachFrontMatterMistakeIsReportedWithTheFieldAndWhatWasExpected() throws IOException {
        write("a-sin-titulo.md", "---\nurl: https://elresumen.example/a\npublished: 2025-12-15T10:00:00-03:00\n---\nTexto");
        write("b-url-relativa.md", "---\ntitle: B\nurl: /notas/b\npublished: 2025-12-15T10:00:00-03:00\n---\nTexto");
        write("c-sin-offset.md", "---\ntitle: C\nurl: https://elresumen.example/c\npublished: 2025-12-15T10:00:00\n---\n");
        write("d-campo-raro.md", "---\ntitel: D\n---\nTexto");
        write("e-sin-front-matter.md", "# Sólo Markdown\n\nTexto.");
        write("f-sin-cierre.md", "---\ntitle: F\nTexto");
        write("g-yaml-roto.md", "---\ntitle: G\nurl: [roto\n---\nTexto");
        write("h-tags-raros.md", "---\ntitle: H\nurl: https://elresumen.example/h\npublished: 2025-12-15T10:00:00Z\n"
                + "tags: {uno: 1}\n---\n");

        List<String> problems = fetch(temp.toString()).problems();

        String expectedPublished = "ISO-8601 with offset, like 2025-12-16T06:30:00-03:00";
        assertThat(problems).containsExactly(
                file("a-sin-titulo.md") + ": front matter \"title\" is missing; expected the article's headline, "
                        + "like title: \"El Senado aprobó…\"",
                file("b-url-relativa.md") + ": front matter \"url\" must be an absolute http(s) URL, like "
                        + "https://elresumen.example/notas/senado; got \"/notas/b\"",
                file("c-sin-offset.md") + ": front matter \"published\" must be " + expectedPublished
                        + "; got \"2025-12-15T10:00:00\"",
                file("d-campo-raro.md") + ": unknown front matter field \"titel\"; expected one of title, url, "
                        + "published, source, section, tags, author, summary, image, image-alt",
                file("e-sin-front-matter.md") + ": no front matter; expected the file to start with a line \"---\", "
                        + "then the fields (title, url, published, …), then another \"---\" line",
                file("f-sin-cierre.md") + ": front matter not closed; expected a line \"---\" after the fields",
                file("g-yaml-roto.md") + ":3: front matter is not valid YAML: while parsing a flow sequence; "
                        + "expected ',' or ']', but got <stream end>",
                file("h-tags-raros.md") + ": front matter \"tags\" must be a list like [senado, presupuesto] or a "
                        + "comma-separated text like \"senado, presupuesto\"; got {uno=1}");
    }

    @Test
    void aFileThatIsNotUtf8OrHasListsWhereTextBelongsIsReported() throws IOException {
        Files.write(temp.resolve("latin1.md"), "---\ntitle: Peña\n---\n".getBytes(StandardCharsets.ISO_8859_1));
        write("lista.md", "---\ntitle: [uno, dos]\n---\n");
        write("escalar.md", "---\nsólo una frase\n---\n");

        assertThat(fetch(temp.toString()).problems()).containsExactly(
                file("escalar.md") + ":2: front matter must be \"field: value\" lines (title, url, published, source, "
                        + "section, tags, author, summary, image, image-alt)",
                file("latin1.md") + ": not valid UTF-8; expected the file saved as UTF-8",
                file("lista.md") + ": front matter \"title\" must be text; got [uno, dos]");
    }

    @Test
    void aFileWhereTheFolderShouldBeFailsTheWholeSource() throws IOException {
        String notAFolder = Files.writeString(temp.resolve("redaccion.md"), "x").toString();

        assertThatThrownBy(() -> fetch(notAFolder))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Redacción\" (" + notAFolder + "): not a folder: " + notAFolder
                        + "; expected a folder of *.md articles");
    }

    @Test
    void aMissingFolderFailsTheWholeSource() {
        String missing = temp.resolve("no-existe").toString();

        assertThatThrownBy(() -> fetch(missing))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Redacción\" (" + missing + "): folder not found: " + missing
                        + "; expected a folder of *.md articles");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(temp.resolve(name), text);
    }

    private String file(String name) {
        return "source \"Redacción\": " + temp.resolve(name);
    }

    private static FetchResult fetch(String folder) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return Sources.from(List.of(new SourceConfig("Redacción", null, folder)), clock).get(0).fetch();
    }
}
