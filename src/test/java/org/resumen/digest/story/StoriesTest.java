package org.resumen.digest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.resumen.digest.article.Article;

class StoriesTest {
    private static final Instant NINE = Instant.parse("2026-11-10T12:00:00Z");

    private final StoryClusterer clusterer = new StoryClusterer();

    @Test
    void twoSenateVotesOfOneWeekWithTheSameSenatorsStayTwoStories() {
        Article rents = article("Diario del Plata", 0, "El Senado aprobó la ley de alquileres por 38 votos a 30",
                "La senadora Marta Quiroga defendió los contratos de tres años en la sesión del martes.");
        Article budget = article("La Voz del Sur", 60, "El Senado aprobó el Presupuesto 2027 por 41 votos a 25",
                "La senadora Marta Quiroga votó en contra en la sesión del jueves.");

        assertThat(clusterer.cluster(List.of(rents, budget))).extracting(Story::lead).containsExactly(rents, budget);
    }

    @Test
    void threeOutletsTellingOneEventAreOneStoryLedByTheEarliest() {
        Article second = strikeBy("Diario del Plata", 30);
        Article first = strikeBy("Crónica Austral", 10);
        Article third = strikeBy("Agencia Federal", 50);
        Article other = article("La Voz del Sur", 20, "Mendoza declaró la emergencia hídrica por la sequía",
                "El gobernador Ricardo Aranda firmó el decreto que restringe el riego.");

        List<Story> stories = clusterer.cluster(List.of(second, other, first, third));

        assertThat(stories).hasSize(2);
        assertThat(stories.get(0).lead()).isEqualTo(first);
        assertThat(stories.get(0).alsoIn()).containsExactly(second, third);
        assertThat(stories.get(0).coverage()).isEqualTo(3);
        assertThat(stories.get(1)).isEqualTo(Story.of(other));
    }

    @Test
    void theSameArticlesInAnyOrderGiveTheSameStoriesAndLeads() {
        List<Article> articles = new ArrayList<>(List.of(strikeBy("Diario del Plata", 30), strikeBy("Crónica Austral", 30),
                strikeBy("Agencia Federal", 30)));
        List<Story> expected = clusterer.cluster(articles);
        Random random = new Random(9);
        for (int round = 0; round < 5; round++) {
            Collections.shuffle(articles, random);
            List<Story> stories = clusterer.cluster(articles);
            assertThat(stories).hasSize(1);
            assertThat(stories.get(0).lead()).isEqualTo(expected.get(0).lead());
            assertThat(stories.get(0).alsoIn()).isEqualTo(expected.get(0).alsoIn());
        }
        assertThat(expected.get(0).lead().sourceName()).as("equal times: by source name").isEqualTo("Agencia Federal");
    }

    @Test
    void aPreferredSourceLeadsEvenWhenItPublishedLater() {
        Article early = strikeBy("Crónica Austral", 10);
        Article preferred = strikeBy("Diario del Plata", 40);

        List<Story> stories = new StoryClusterer(List.of("Diario del Plata")).cluster(List.of(early, preferred));

        assertThat(stories).containsExactly(new Story(preferred, List.of(early)));
    }

    @Test
    void oneSourceNeverMergesWithItself() {
        Article morning = strikeBy("Diario del Plata", 10);
        Article update = strikeBy("Diario del Plata", 90);

        assertThat(clusterer.cluster(List.of(morning, update))).hasSize(2);
    }

    @Test
    void withinASectionStoriesOfMoreSourcesComeFirstThenNewer() {
        Story older = new Story(inSection("Congreso", "a", 0), List.of());
        Story newer = new Story(inSection("Congreso", "b", 60), List.of());
        Story covered = new Story(inSection("Congreso", "c", 5), List.of(inSection("Congreso", "d", 6)));
        Story economy = new Story(inSection("Economía", "e", 90), List.of());
        Story economyCovered = new Story(inSection("Economía", "f", 10), List.of(inSection("Economía", "g", 11),
                inSection("Economía", "h", 12)));

        List<Story> ranked = StoryRanking.withinSections(List.of(older, economy, newer, covered, economyCovered));

        assertThat(ranked).containsExactly(covered, newer, older, economyCovered, economy);
        assertThat(StoryRanking.mostCovered(ranked)).isEqualTo(economyCovered);
    }

    private static Article strikeBy(String source, int minutes) {
        return article(source, minutes, "La CGT convocó a un paro general para el 14 de noviembre",
                "Raúl Ochoa anunció la medida de fuerza contra la reforma laboral tras el consejo directivo.");
    }

    private static Article inSection(String section, String slug, int minutes) {
        return new Article(0, "url:" + slug, "Fuente " + slug, "https://example.org/" + slug, "Título " + slug, "",
                null, section, List.of(), NINE.plusSeconds(60L * minutes), null, 0);
    }

    private static Article article(String source, int minutes, String title, String summary) {
        String slug = source.toLowerCase().replace(' ', '-') + "-" + minutes;
        return new Article(0, "url:" + slug, source, "https://example.org/" + slug, title, summary, null, "Política",
                List.of(), NINE.plusSeconds(60L * minutes), null, 0);
    }
}
