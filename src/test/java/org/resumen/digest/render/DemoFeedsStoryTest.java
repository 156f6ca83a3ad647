package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;
import org.resumen.digest.article.ArticleSource;
import org.resumen.digest.article.Sources;
import org.resumen.digest.config.SourceConfig;

/** The bonus for pensioners, told by the UTF-8 demo feed and by the ISO-8859-1 one, is one entry. */
class DemoFeedsStoryTest {
    private static final String LEAD = "La ministra Villafañe anunció un bono de fin de año para jubilados";
    private static final String RETOLD = "Jubilados: Hacienda confirmó un bono de $85.000 para diciembre";

    @Test
    void theSameEventFromAUtf8AndAnIso88591FeedIsOneEntryWithTambienEn() {
        List<Article> bonus = new ArrayList<>();
        for (ArticleSource source : Sources.from(List.of(
                new SourceConfig("Diario del Plata", "sources/diario-del-plata.xml", null),
                new SourceConfig("Agencia Austral", "sources/agencia-austral.xml", null)),
                Clock.fixed(RenderFixtures.CUTOFF, ZoneOffset.UTC))) {
            source.fetch().articles().stream().filter(a -> a.title().equals(LEAD) || a.title().equals(RETOLD))
                    .forEach(bonus::add);
        }
        assertThat(bonus).as("one article from each feed").hasSize(2);

        RenderedDigest digest = RenderFixtures.renderer().render(
                RenderFixtures.spanish(bonus, RenderFixtures.subscriber("ana@example.org")));

        // the text part is wrapped at 78 characters: compare it with its line breaks read as spaces
        assertThat(digest.text().replaceAll("\\s+", " ")).containsOnlyOnce(LEAD).doesNotContain(RETOLD)
                .contains("También en: Agencia Austral <https://agenciaaustral.example/cables/bono-jubilados-85000>")
                .contains("Esta es la noticia del día.");
        assertThat(digest.html()).containsOnlyOnce(LEAD + "</a>").doesNotContain("Hacienda confirmó")
                .contains("href=\"https://agenciaaustral.example/cables/bono-jubilados-85000\"", ">Agencia Austral</a>");
    }
}
