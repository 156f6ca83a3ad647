package org.resumen.digest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;
import org.resumen.digest.article.ArticleSource;
import org.resumen.digest.article.FetchResult;
import org.resumen.digest.article.Sources;
import org.resumen.digest.config.SourceConfig;

/** The demo sources of sources/: the ISO-8859-1 agency feed retells events of the UTF-8 feed and the newsroom. */
class DemoStoriesTest {
    private static final Instant CUTOFF = OffsetDateTime.parse("2025-12-16T07:00:00-03:00").toInstant();
    private static final Clock CLOCK = Clock.fixed(CUTOFF, ZoneOffset.UTC);
    private static final List<SourceConfig> DEMO = List.of(
            new SourceConfig("Diario del Plata", "sources/diario-del-plata.xml", null),
            new SourceConfig("Redacción El Resumen", null, "sources/redaccion"),
            new SourceConfig("Agencia Austral", "sources/agencia-austral.xml", null));

    @Test
    void theDemoEditionMergesTheRetoldEventsAndKeepsTheOthersApart() {
        List<Story> stories = new StoryClusterer().cluster(demoEdition());
        Map<String, List<String>> alsoInByLead = stories.stream().collect(Collectors.toMap(
                story -> story.lead().title(), story -> story.alsoIn().stream().map(Article::sourceName).toList()));

        assertThat(alsoInByLead).containsEntry(
                "La ministra Villafañe anunció un bono de fin de año para jubilados", List.of("Agencia Austral"));
        assertThat(alsoInByLead).containsEntry(
                "Serranía Alta: Quiroga Saá cerró un acuerdo con los intendentes por la coparticipación",
                List.of("Agencia Austral"));
        assertThat(alsoInByLead).containsEntry(
                "La jueza Carrizo Ibáñez citó a indagatoria a tres exfuncionarios de Obras Públicas",
                List.of("Agencia Austral"));
        assertThat(alsoInByLead).containsEntry("Peña Arbó: «No vamos a votar un presupuesto “a ciegas”»",
                List.of("Agencia Austral"));
        assertThat(alsoInByLead).containsEntry(
                "Un juez frenó el aumento de Aguas del Sur: “La tarifa no puede duplicarse en un mes”",
                List.of("Agencia Austral"));
        assertThat(alsoInByLead).as("same minister, another event").containsEntry(
                "La inflación de noviembre fue del 2,1 % y la ministra Villafañe habló de un “punto de inflexión”",
                List.of());
        assertThat(alsoInByLead).as("same governor and mayor, another event").containsEntry(
                "Serranía Alta: Quiroga Saá licitará la ampliación del puerto de Puerto Quillén", List.of());
    }

    private static List<Article> demoEdition() {
        Instant windowStart = CUTOFF.minus(Duration.ofHours(36));
        List<Article> articles = new ArrayList<>();
        for (ArticleSource source : Sources.from(DEMO, CLOCK)) {
            FetchResult result = source.fetch();
            assertThat(result.problems()).as(source.name()).isEmpty();
            result.articles().stream().filter(a -> !a.published().isAfter(CUTOFF) && a.published().isAfter(windowStart))
                    .forEach(articles::add);
        }
        return articles;
    }
}
