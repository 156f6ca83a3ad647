package org.resumen.digest.edition;

import org.resumen.digest.testing.MovableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumen.digest.Database;
import org.resumen.digest.article.Article;
import org.resumen.digest.article.ArticleStore;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.config.NewsletterConfig;

class EditionsTest {
    private static final ZoneId BUENOS_AIRES = ZoneId.of("America/Argentina/Buenos_Aires");
    private final Database db = Database.open(new DatabaseConfig("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
    private final ArticleStore articles = new ArticleStore(db.dataSource());
    private final MovableClock clock = new MovableClock(Instant.parse("2025-12-16T12:00:00Z"));

    @AfterEach
    void close() {
        db.close();
    }

    private Editions editions(ZoneId zone, String maxAge, int maxArticles) {
        NewsletterConfig newsletter = new NewsletterConfig("El Resumen", "El Resumen <resumen@example.org>", zone,
                Locale.forLanguageTag("es-AR"), "0 0 7 * * ?", "http://localhost:8080", maxArticles,
                org.resumen.digest.config.ConfigLoader.load(null, Map.of("DIGEST_NEWSLETTER_MAX_AGE", maxAge)).orThrow().newsletter().maxAge());
        return new Editions(db.dataSource(), articles, newsletter, clock);
    }

    private Article stored(String title, String published, String section) {
        Instant at = OffsetDateTime.parse(published).toInstant();
        Article article = new Article(0, "url:https://diariodelplata.example/" + UUID.randomUUID(), "Diario del Plata",
                "https://diariodelplata.example/" + UUID.randomUUID(), title, "Resumen de «" + title + "»…", null, section,
                List.of(), at, at, 2);
        return articles.saveNew(List.of(article)).get(0);
    }

    private static List<String> titles(Edition edition) {
        return edition.articles().stream().map(Article::title).toList();
    }

    @Test
    void anArticleOneMinuteBeforeTheCutoffIsInAndOneMinuteAfterGoesToTheNextEdition() {
        Editions editions = editions(BUENOS_AIRES, "36h", 20);
        stored("Sesión en el Senado", "2025-12-16T06:59:00-03:00", "Congreso");
        stored("Paro en Puerto Quillén", "2025-12-16T07:01:00-03:00", "Provincias");
        Edition tuesday = editions.open(LocalDate.parse("2025-12-16"));
        assertThat(tuesday.cutoff()).isEqualTo(Instant.parse("2025-12-16T10:00:00Z"));
        assertThat(titles(tuesday)).containsExactly("Sesión en el Senado");

        clock.set(Instant.parse("2025-12-17T12:00:00Z"));
        assertThat(titles(editions.open(LocalDate.parse("2025-12-17")))).containsExactly("Paro en Puerto Quillén");
    }

    @Test
    void onTheDaysClocksChangeTheCutoffIsStillSevenLocalTimeToTheMinute() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        Editions editions = editions(madrid, "36h", 20);
        // 30 March 2025: 02:00 -> 03:00, so 07:00 local is 05:00 UTC. 26 October 2025: 03:00 -> 02:00, 07:00 is 06:00 UTC.
        stored("Antes, primavera", "2025-03-30T06:59:00+02:00", "Política");
        stored("Después, primavera", "2025-03-30T07:01:00+02:00", "Política");
        stored("Antes, otoño", "2025-10-26T06:59:00+01:00", "Política");
        stored("Después, otoño", "2025-10-26T07:01:00+01:00", "Política");
        clock.set(Instant.parse("2025-03-30T12:00:00Z"));
        Edition spring = editions.open(LocalDate.parse("2025-03-30"));
        assertThat(spring.cutoff()).isEqualTo(Instant.parse("2025-03-30T05:00:00Z"));
        assertThat(titles(spring)).containsExactly("Antes, primavera");
        clock.set(Instant.parse("2025-03-31T12:00:00Z"));
        assertThat(titles(editions.open(LocalDate.parse("2025-03-31")))).containsExactly("Después, primavera");
        clock.set(Instant.parse("2025-10-26T12:00:00Z"));
        Edition autumn = editions.open(LocalDate.parse("2025-10-26"));
        assertThat(autumn.cutoff()).isEqualTo(Instant.parse("2025-10-26T06:00:00Z"));
        assertThat(titles(autumn)).containsExactly("Antes, otoño");
        clock.set(Instant.parse("2025-10-27T12:00:00Z"));
        assertThat(titles(editions.open(LocalDate.parse("2025-10-27")))).containsExactly("Después, otoño");
    }

    @Test
    void aManualSendBeforeTheScheduledTimeClosesTheEditionAtThatMoment() {
        Editions editions = editions(BUENOS_AIRES, "36h", 20);
        stored("Temprano", "2025-12-16T05:00:00-03:00", "Política");
        stored("Después del envío manual", "2025-12-16T06:30:00-03:00", "Política");
        clock.set(Instant.parse("2025-12-16T09:00:00Z"));
        Edition early = editions.open(LocalDate.parse("2025-12-16"));
        assertThat(early.cutoff()).isEqualTo(Instant.parse("2025-12-16T09:00:00Z"));
        assertThat(titles(early)).containsExactly("Temprano");
        clock.set(Instant.parse("2025-12-17T12:00:00Z"));
        assertThat(titles(editions.open(LocalDate.parse("2025-12-17")))).containsExactly("Después del envío manual");
    }

    @Test
    void articlesOlderThanMaxAgeAreLeftOut() {
        Editions editions = editions(BUENOS_AIRES, "36h", 20);
        stored("Dentro de la ventana", "2025-12-14T19:01:00-03:00", "Política");
        stored("Demasiado vieja", "2025-12-14T18:59:00-03:00", "Política");
        assertThat(titles(editions.open(LocalDate.parse("2025-12-16")))).containsExactly("Dentro de la ventana");
    }

    @Test
    void anEditionIsFrozenOnceCreated() {
        Editions editions = editions(BUENOS_AIRES, "36h", 20);
        stored("Primera", "2025-12-16T01:00:00-03:00", "Política");
        Edition first = editions.open(LocalDate.parse("2025-12-16"));
        stored("Llegó tarde pero con fecha vieja", "2025-12-16T02:00:00-03:00", "Política");
        Edition again = editions.open(LocalDate.parse("2025-12-16"));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(titles(again)).containsExactly("Primera");
        clock.set(Instant.parse("2025-12-17T12:00:00Z"));
        assertThat(titles(editions.open(LocalDate.parse("2025-12-17")))).containsExactly("Llegó tarde pero con fecha vieja");
    }

    @Test
    void theNewestMaxArticlesAreKeptGroupedBySectionNewestFirst() {
        Editions editions = editions(BUENOS_AIRES, "36h", 4);
        stored("Economía vieja", "2025-12-15T09:00:00-03:00", "Economía");
        stored("Congreso 1", "2025-12-15T20:00:00-03:00", "Congreso");
        stored("Economía 1", "2025-12-16T01:00:00-03:00", "Economía");
        stored("Congreso 2", "2025-12-16T05:00:00-03:00", "Congreso");
        stored("Economía 2", "2025-12-16T03:00:00-03:00", "economía");
        Edition edition = editions.open(LocalDate.parse("2025-12-16"));
        assertThat(titles(edition)).containsExactly("Congreso 2", "Congreso 1", "Economía 2", "Economía 1");
    }

    @Test
    void planDoesNotFreezeAnything() {
        Editions editions = editions(BUENOS_AIRES, "36h", 20);
        stored("Una", "2025-12-16T01:00:00-03:00", "Política");
        assertThat(editions.plan(LocalDate.parse("2025-12-16")).id()).isZero();
        assertThat(editions.find(LocalDate.parse("2025-12-16"))).isEmpty();
        assertThat(editions.dates()).isEmpty();
    }

    @Test
    void acrossBothDaylightSavingChangesEveryArticleLandsInExactlyOneEdition() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        Editions editions = editions(madrid, "24h", 100);
        List<Article> all = new ArrayList<>();
        // Every 20 minutes from a week before the autumn change (26 Oct 2025, 03:00 -> 02:00) ...
        for (Instant t = Instant.parse("2025-10-22T00:10:00Z"); t.isBefore(Instant.parse("2025-10-30T00:00:00Z")); t = t.plus(Duration.ofMinutes(20))) {
            all.add(stored("Nota " + t, t.toString().replace("Z", "+00:00"), "Política"));
        }
        // ... and around the spring change (30 Mar 2025, 02:00 -> 03:00).
        for (Instant t = Instant.parse("2025-03-27T00:10:00Z"); t.isBefore(Instant.parse("2025-04-02T00:00:00Z")); t = t.plus(Duration.ofMinutes(20))) {
            all.add(stored("Nota " + t, t.toString().replace("Z", "+00:00"), "Política"));
        }
        Map<String, Integer> timesCarried = new HashMap<>();
        List<LocalDate> days = new ArrayList<>();
        LocalDate.parse("2025-03-28").datesUntil(LocalDate.parse("2025-04-02")).forEach(days::add);
        LocalDate.parse("2025-10-23").datesUntil(LocalDate.parse("2025-10-30")).forEach(days::add);
        for (LocalDate day : days) {
            clock.set(ZonedDateTime.of(day.atTime(12, 0), madrid).toInstant());
            editions.open(day).articles().forEach(a -> timesCarried.merge(a.title(), 1, Integer::sum));
        }
        assertThat(timesCarried.values()).allMatch(n -> n == 1);
        Instant firstCutoff = Instant.parse("2025-10-23T05:00:00Z");
        Instant lastCutoff = Instant.parse("2025-10-29T06:00:00Z");
        List<String> expected = all.stream()
                .filter(a -> a.published().isAfter(firstCutoff) && !a.published().isAfter(lastCutoff))
                .map(Article::title).toList();
        assertThat(timesCarried.keySet()).containsAll(expected);
        Instant springFirst = Instant.parse("2025-03-29T06:00:00Z");
        Instant springLast = Instant.parse("2025-04-01T05:00:00Z");
        assertThat(timesCarried.keySet()).containsAll(all.stream()
                .filter(a -> a.published().isAfter(springFirst) && !a.published().isAfter(springLast))
                .map(Article::title).toList());
    }
}
