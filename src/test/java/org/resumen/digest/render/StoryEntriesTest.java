package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.render.RenderFixtures.article;
import static org.resumen.digest.render.RenderFixtures.subscriber;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;
import org.resumen.digest.config.NewsletterConfig;

/** One entry per story with "También en" / "Also in", and stories of more sources first. */
class StoryEntriesTest {
    private static final Article STRIKE = article("Política", "La CGT convocó a un paro general para el 14 de noviembre",
            "Raúl Ochoa anunció la medida de fuerza contra la reforma laboral tras una reunión del consejo directivo.",
            "2025-12-16T08:00:00Z");
    private static final Article STRIKE_RETOLD = from("Agencia Austral", article("Política",
            "Paro general: la central obrera fijó la fecha para el 14 de noviembre",
            "El consejo directivo de la CGT, encabezado por Raúl Ochoa, definió la huelga contra la reforma laboral.",
            "2025-12-16T09:00:00Z"));
    private static final Article DROUGHT = article("Política", "Mendoza declaró la emergencia hídrica por la sequía",
            "El gobernador Ricardo Aranda firmó el decreto que restringe el riego en el sur provincial.",
            "2025-12-16T09:30:00Z");

    @Test
    void theSameEventFromTwoSourcesIsOneEntryWithTambienEnAndItsLink() {
        RenderedDigest digest = RenderFixtures.renderer().render(
                RenderFixtures.spanish(List.of(DROUGHT, STRIKE_RETOLD, STRIKE), subscriber("ana@example.org")));

        assertThat(digest.html()).containsOnlyOnce("14 de noviembre</a>")
                .contains("También en: </span>", "href=\"" + STRIKE_RETOLD.url() + "\"", ">Agencia Austral</a>");
        assertThat(digest.text()).contains(STRIKE.title() + "\n", "También en: Agencia Austral <" + STRIKE_RETOLD.url() + ">")
                .doesNotContain(STRIKE_RETOLD.title());
        assertThat(digest.text()).contains("Estas son las 2 noticias del día.");
    }

    @Test
    void storiesOfMoreSourcesComeFirstInTheirSectionAndLeadTheSubject() {
        RenderedDigest digest = RenderFixtures.renderer().render(
                RenderFixtures.spanish(List.of(DROUGHT, STRIKE_RETOLD, STRIKE), subscriber("ana@example.org")));

        assertThat(digest.text().indexOf(STRIKE.title())).isLessThan(digest.text().indexOf(DROUGHT.title()));
        assertThat(digest.subject()).endsWith("«" + STRIKE.title() + "»");
    }

    @Test
    void englishReadersSeeAlsoIn() {
        RenderedDigest digest = RenderFixtures.renderer().render(
                RenderFixtures.english(List.of(STRIKE, STRIKE_RETOLD), subscriber("ana@example.org")));

        assertThat(digest.html()).contains("Also in: </span>");
        assertThat(digest.text()).contains("Also in: Agencia Austral <" + STRIKE_RETOLD.url() + ">");
    }

    @Test
    void withClusteringOffEveryArticleIsItsOwnEntryInEditionOrder() {
        NewsletterConfig off = withoutClustering(RenderFixtures.newsletter());
        RenderedDigest digest = new DigestRenderer(RenderFixtures.SHIPPED_TEMPLATES, off).render(
                RenderFixtures.spanish(List.of(DROUGHT, STRIKE_RETOLD, STRIKE), subscriber("ana@example.org")));

        assertThat(digest.text()).contains(STRIKE.title(), STRIKE_RETOLD.title()).doesNotContain("También en");
        assertThat(digest.subject()).endsWith("«" + DROUGHT.title() + "»");
    }

    private static Article from(String source, Article article) {
        return new Article(article.id(), article.identityKey() + "-" + source, source,
                article.url().replace("noticias.example.org", "agenciaaustral.example"), article.title(),
                article.summary(), article.author(), article.section(), article.tags(), article.published(),
                article.firstSeen(), article.readingMinutes());
    }

    private static NewsletterConfig withoutClustering(NewsletterConfig n) {
        return new NewsletterConfig(n.name(), n.from(), n.timezone(), n.locale(), n.schedule(), n.baseUrl(),
                n.maxArticles(), n.maxAge(), n.sendDeadline(), n.delivery(), false, n.images(), n.sourceGrace(),
                n.alerts());
    }
}
