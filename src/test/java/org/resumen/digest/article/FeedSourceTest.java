package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.SourceConfig;

class FeedSourceTest {
    private static final Instant NOW = Instant.parse("2025-12-16T10:00:00Z");
    private static final String FEEDS = "src/test/resources/article/feeds/";

    @Test
    void anIso88591FeedFromAFileDecodesAccentsEñesAndGuillemets() {
        Article article = single(fetch("La Voz", FEEDS + "iso-8859-1.xml"));

        assertThat(article.title()).isEqualTo("Peña cruzó al intendente: «Mañana no hay acuerdo»");
        assertThat(article.summary()).isEqualTo(
                "La concejala Peña dijo que «el año que viene será distinto» y habló del añejo reclamo de los vecinos.");
        assertThat(article.section()).isEqualTo("Política");
        assertThat(article.identityKey()).isEqualTo("guid:lvn-1");
        assertThat(article.published()).isEqualTo(Instant.parse("2025-12-15T13:00:00Z"));
    }

    @Test
    void anAtomFeedGivesTitleAuthorSectionAndPublishedInstant() {
        Article article = single(fetch("Crónica Austral", Path.of(FEEDS, "atom.xml").toUri().toString()));

        assertThat(article.title()).isEqualTo("Echagüe Rolón pidió la detención de un exministro");
        assertThat(article.url()).isEqualTo("https://cronicaaustral.example/justicia/echague-rolon-pidio-detencion");
        assertThat(article.author()).isEqualTo("Julieta Olmos");
        assertThat(article.section()).isEqualTo("Justicia");
        assertThat(article.summary()).isEqualTo("El fiscal habló de “riesgo de fuga”.");
        assertThat(article.published()).isEqualTo(Instant.parse("2025-12-15T23:15:00Z"));
        assertThat(article.identityKey()).isEqualTo("guid:tag:cronicaaustral.example,2025:justicia-4512");
        assertThat(article.sourceName()).isEqualTo("Crónica Austral");
    }

    @Test
    void anRss10FeedIsParsed() {
        Article article = single(fetch("Gaceta Serrana", FEEDS + "rss-1.0.xml"));

        assertThat(article.title()).isEqualTo("La Legislatura aprobó el endeudamiento en una sesión de 14 horas");
        assertThat(article.url()).isEqualTo("https://gacetaserrana.example/notas/legislatura-sesion");
        assertThat(article.author()).isEqualTo("Ramiro Sosa");
        assertThat(article.published()).isEqualTo(Instant.parse("2025-12-16T02:50:00Z"));
        assertThat(article.identityKey()).isEqualTo("url:https://gacetaserrana.example/notas/legislatura-sesion");
    }

    @Test
    void anItemWithoutADateIsPublishedWhenFirstSeenAndAnItemWithoutTitleIsAProblem() {
        FetchResult result = fetch("Boletín", FEEDS + "undated-item.xml");

        Article article = single(result);
        assertThat(article.published()).isEqualTo(NOW);
        assertThat(article.firstSeen()).isEqualTo(NOW);
        assertThat(result.problems()).containsExactly("source \"Boletín\" (" + FEEDS + "undated-item.xml): item 2: "
                + "no title; expected a headline for every article; skipped");
    }

    @Test
    void malformedXmlFailsTheSourceNamingItAndTheLine() {
        assertThatThrownBy(() -> fetch("Roto", FEEDS + "malformed.xml"))
                .isInstanceOf(SourceException.class)
                .hasMessageStartingWith("source \"Roto\" (" + FEEDS + "malformed.xml): malformed XML at line 7: ")
                .hasMessageContaining("\"title\"");
    }

    @Test
    void aFeedWithADoctypeIsRefusedSoNoLocalFileLeaksIn() {
        assertThatThrownBy(() -> fetch("Trampa", FEEDS + "xxe-doctype.xml"))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Trampa\" (" + FEEDS + "xxe-doctype.xml): refused at line 2: the feed declares"
                        + " a DOCTYPE, which is not allowed (it could pull in local files); expected a feed without"
                        + " <!DOCTYPE …>");
    }

    @Test
    void anXmlDocumentThatIsNotAFeedFailsTheSource() {
        assertThatThrownBy(() -> fetch("Catálogo", FEEDS + "not-a-feed-catalog.xml"))
                .hasMessage("source \"Catálogo\" (" + FEEDS + "not-a-feed-catalog.xml): not an RSS or Atom feed; expected"
                        + " <rss>, <rdf:RDF> or <feed> as the root element");
    }

    @Test
    void aMissingFileFailsTheSourceWithItsAbsolutePath() {
        String missing = FEEDS + "no-existe.xml";

        assertThatThrownBy(() -> fetch("Ausente", missing))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Ausente\" (" + missing + "): file not found: " + Path.of(missing).toAbsolutePath());
    }

    private static FetchResult fetch(String name, String feed) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        return Sources.from(List.of(new SourceConfig(name, feed, null)), clock).get(0).fetch();
    }

    private static Article single(FetchResult result) {
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }
}
