package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.SourceConfig;

class SourcesTest {
    private static final Clock CLOCK = Clock.systemUTC();

    @Test
    void eachConfigBecomesASourceWithItsNameAndLocation() {
        List<ArticleSource> sources = Sources.from(List.of(
                new SourceConfig("Diario del Plata", "https://diariodelplata.example/feed.xml", null),
                new SourceConfig("Archivo", "file:///srv/feeds/archivo.xml", null),
                new SourceConfig("Redacción", null, "sources/redaccion")), CLOCK);

        assertThat(sources).extracting(ArticleSource::name, ArticleSource::location).containsExactly(
                tuple("Diario del Plata", "https://diariodelplata.example/feed.xml"),
                tuple("Archivo", "file:///srv/feeds/archivo.xml"),
                tuple("Redacción", "sources/redaccion"));
    }

    @Test
    void anUnsupportedSchemeIsRejectedBeforeAnythingIsFetched() {
        assertThatThrownBy(() -> Sources.from(List.of(new SourceConfig("FTP", "ftp://viejo.example/feed.xml", null)), CLOCK))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"FTP\" (ftp://viejo.example/feed.xml): unsupported URL scheme \"ftp\"; "
                        + "expected http:, https:, file: or a file path");
    }

    @Test
    void aConfigWithBothFeedAndDirectoryIsRejected() {
        assertThatThrownBy(() -> Sources.from(List.of(new SourceConfig("Doble", "a.xml", "notas")), CLOCK))
                .hasMessage("source \"Doble\" (a.xml): set exactly one of feed (a URL or file) and directory "
                        + "(a folder of *.md articles)");
    }

    @Test
    void anHttpUrlWithoutHostIsRejected() {
        assertThatThrownBy(() -> Sources.from(List.of(new SourceConfig("Roto", "https:/sin-host/feed.xml", null)), CLOCK))
                .hasMessage("source \"Roto\" (https:/sin-host/feed.xml): not a valid URL; expected one like "
                        + "https://example.org/feed.xml");
    }
}
