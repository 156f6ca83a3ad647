package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class CanonicalUrlTest {
    @Test
    void stripsTrackingParametersAndFragmentAndLowerCasesTheHost() {
        String url = CanonicalUrl.of(
                "HTTPS://DiarioDelPlata.Example:443/politica/Nota?id=7&utm_source=rss&UTM_Medium=feed#comentarios", null);

        assertThat(url).isEqualTo("https://diariodelplata.example/politica/Nota?id=7");
    }

    @Test
    void resolvesRelativeLinksAgainstTheBase() {
        URI feed = URI.create("https://diariodelplata.example/rss/ultimas.xml");

        assertThat(CanonicalUrl.of("/congreso/votacion", feed)).isEqualTo("https://diariodelplata.example/congreso/votacion");
        assertThat(CanonicalUrl.of("nota-1?utm_campaign=x", feed)).isEqualTo("https://diariodelplata.example/rss/nota-1");
    }

    @Test
    void keepsNonAsciiPathsAndEncodesSpaces() {
        assertThat(CanonicalUrl.of("https://elresumen.example/notas/peña arbó", null))
                .isEqualTo("https://elresumen.example/notas/peña%20arbó");
    }

    @Test
    void aRelativeLinkWithoutBaseIsRejectedWithTheLinkInTheMessage() {
        assertThatThrownBy(() -> CanonicalUrl.of("/sin/base", null))
                .hasMessage("\"/sin/base\" is not an absolute URL; expected one like https://example.org/nota");
    }
}
