package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.config.SourceConfig;

/** Reading time comes from the full text only; a short description alone gives none (0, not shown). */
class ReadingTimeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void contentEncodedGivesTheReadingTimeAndADescriptionAloneGivesNone() {
        FetchResult result = Sources.from(List.of(new SourceConfig("Diario del Plata",
                "src/test/resources/article/feeds/reading-time.xml", null)), CLOCK).get(0).fetch();

        // 120 sentences of 8 words: 960 words at 200 a minute.
        assertThat(result.articles()).extracting(Article::identityKey, Article::readingMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("guid:ddp-201", 5),
                        org.assertj.core.groups.Tuple.tuple("guid:ddp-202", 0));
    }

    @Test
    void aMarkdownBodyGivesTheReadingTimeAndAFileWithOnlyASummaryGivesNone() throws IOException {
        write("larga.md", "palabra ".repeat(400));
        write("solo-resumen.md", "");

        List<Article> articles = Sources.from(List.of(new SourceConfig("Redacción", null, temp.toString())), CLOCK)
                .get(0).fetch().articles();

        assertThat(articles).extracting(Article::title, Article::readingMinutes)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Nota larga.md", 2),
                        org.assertj.core.groups.Tuple.tuple("Nota solo-resumen.md", 0));
    }

    private void write(String name, String body) throws IOException {
        Files.writeString(temp.resolve(name), "---\ntitle: \"Nota " + name + "\"\nurl: https://elresumen.example/notas/"
                + name.replace(".md", "") + "\npublished: 2025-12-16T06:00:00-03:00\nsummary: \"Un resumen breve.\"\n"
                + "---\n" + body + "\n");
    }
}
