package org.resumen.digest.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumen.digest.render.RenderFixtures.article;
import static org.resumen.digest.render.RenderFixtures.subscriber;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;

/** An article whose full text is unknown (reading minutes 0) shows no reading time, in HTML or text. */
class ReadingTimeShownTest {
    @Test
    void aShortDescriptionOnlyShowsSourceAndTimeWithoutReadingTime() {
        Article a = article("Política", "Breve: reabren el puente", "Tras tres semanas de obras.", "2025-12-16T10:30:00Z");
        Article brief = new Article(a.id(), a.identityKey(), a.sourceName(), a.url(), a.title(), a.summary(),
                a.author(), a.section(), a.tags(), a.published(), a.firstSeen(), 0);

        RenderedDigest digest = RenderFixtures.renderer().render(
                RenderFixtures.spanish(List.of(brief), subscriber("ana@example.org")));

        assertThat(digest.text()).contains("Diario del Plata · 07:30\n").doesNotContain("de lectura");
        assertThat(digest.html()).doesNotContain("de lectura");
    }
}
