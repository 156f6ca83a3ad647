package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.render.RenderFixtures.article;
import static org.resumen.digest.render.RenderFixtures.subscriber;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;
import org.resumen.digest.article.ArticleImage;
import org.resumen.digest.config.NewsletterConfig;

/** The lead story of each section shows its picture in HTML; the text part does not change. */
class LeadImagesTest {
    private static final String SENADO_JPG = "https://diariodelplata.example/fotos/senado.jpg";
    private static final Article SENATE = pictured(article("Política", "El Senado aprobó el presupuesto",
            "La votación terminó de madrugada.", "2025-12-16T09:00:00Z"), SENADO_JPG, "El recinto del Senado «lleno»");
    private static final Article SECOND = pictured(article("Política", "La oposición pidió una sesión especial",
            "Para el jueves.", "2025-12-16T08:00:00Z"), "https://diariodelplata.example/fotos/oposicion.jpg", "Bancas");
    private static final Article BRIDGE = pictured(article("Sociedad", "Reabren el puente Rosario–Victoria",
            "Tras tres semanas de obras.", "2025-12-16T07:00:00Z"), "https://diariodelplata.example/fotos/puente.jpg",
            "Reabren el puente Rosario–Victoria");

    @Test
    void theFirstStoryOfEachSectionShowsItsImageWithAltWidthAndAutoHeight() {
        RenderedDigest digest = render(RenderFixtures.newsletter());

        assertThat(digest.html().replaceAll("\\s+", " ")).containsOnlyOnce("<img src=\"" + SENADO_JPG + "\" alt=\"El recinto del Senado «lleno»\""
                + " width=\"600\" style=\"display:block; width:100%; max-width:100%; height:auto; border:0;\">");
        assertThat(digest.html()).contains("src=\"https://diariodelplata.example/fotos/puente.jpg\"")
                .doesNotContain("oposicion.jpg");
    }

    @Test
    void theTextPartIsTheSameWithAndWithoutImages() {
        RenderedDigest with = render(RenderFixtures.newsletter());
        RenderedDigest without = render(withoutImages(RenderFixtures.newsletter()));

        assertThat(with.text()).isEqualTo(without.text()).doesNotContain(".jpg");
        assertThat(without.html()).doesNotContain("<img");
    }

    @Test
    void anImageThatIsNotHttpsNeverReachesTheHtml() {
        Article plain = pictured(SENATE, "http://diariodelplata.example/fotos/senado.jpg", "x");
        RenderedDigest digest = RenderFixtures.renderer().render(
                RenderFixtures.spanish(List.of(plain), subscriber("ana@example.org")));

        assertThat(digest.html()).doesNotContain("<img");
    }

    private static RenderedDigest render(NewsletterConfig newsletter) {
        return new DigestRenderer(RenderFixtures.SHIPPED_TEMPLATES, newsletter).render(
                RenderFixtures.spanish(List.of(SENATE, SECOND, BRIDGE), subscriber("ana@example.org")));
    }

    private static Article pictured(Article a, String url, String alt) {
        return new Article(a.id(), a.identityKey(), a.sourceName(), a.url(), a.title(), a.summary(), a.author(),
                a.section(), a.tags(), a.published(), a.firstSeen(), a.readingMinutes(), new ArticleImage(url, alt));
    }

    private static NewsletterConfig withoutImages(NewsletterConfig n) {
        return new NewsletterConfig(n.name(), n.from(), n.timezone(), n.locale(), n.schedule(), n.baseUrl(),
                n.maxArticles(), n.maxAge(), n.sendDeadline(), n.delivery(), n.cluster(), false, n.sourceGrace(),
                n.alerts());
    }
}
