package org.resumen.digest.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resumen.digest.article.Article;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.subscriber.Subscriber;

/**
 * Realistic digests that validation renders before any mail goes out, in Spanish and English,
 * with and without articles, so every branch of the templates is evaluated once.
 */
final class SampleDigests {
    private static final LocalDate DATE = LocalDate.of(2025, 12, 16);
    private static final Instant CUTOFF = Instant.parse("2025-12-16T10:00:00Z");
    private static final Links LINKS = new Links("http://localhost:8080/unsubscribe/sample-token",
            "http://localhost:8080/web/sample-token", "http://localhost:8080/preferences/sample-token");

    private SampleDigests() {
    }

    static List<DigestRequest> all(NewsletterConfig newsletter) {
        Locale spanish = Locale.forLanguageTag("es-AR");
        Locale english = Locale.forLanguageTag("en");
        Subscriber lucia = subscriber("Lucía Peña", spanish, ZoneId.of("America/Argentina/Cordoba"));
        Subscriber anonymous = subscriber("", english, null);
        return List.of(
                request(newsletter, articles(), lucia, spanish),
                request(newsletter, articles(), anonymous, english),
                request(newsletter, List.of(), lucia, spanish),
                request(newsletter, List.of(), anonymous, english));
    }

    private static DigestRequest request(NewsletterConfig newsletter, List<Article> articles,
            Subscriber subscriber, Locale locale) {
        Edition edition = new Edition(0, newsletter.name(), DATE, CUTOFF, CUTOFF.minus(newsletter.maxAge()),
                articles);
        return new DigestRequest(edition, articles, subscriber, locale, LINKS);
    }

    private static List<Article> articles() {
        return List.of(
                article("Política", "El Senado aprueba «en general» el presupuesto 2026 tras 14 horas de debate",
                        "La oposición anticipó que pedirá cambios en los artículos sobre coparticipación — la votación"
                                + " en particular sigue el jueves…", "Martina Ibáñez", "2025-12-16T09:40:00Z", 4),
                // The same event from another source: validation renders a "También en" entry too.
                fromSource("Agencia Austral", article("Política",
                        "Presupuesto 2026: el Senado lo aprobó en general después de 14 horas",
                        "La Cámara alta votó el proyecto en general; la oposición pedirá cambios sobre coparticipación"
                                + " en la votación en particular del jueves.", "", "2025-12-16T09:55:00Z", 3)),
                article("Economía", "La inflación de noviembre fue del 2,1 % y acumula 27 % en el año",
                        "El dato del instituto de estadística quedó por debajo de lo que esperaban las consultoras.",
                        "", "2025-12-16T08:05:00Z", 3),
                article("", "Reabren el puente sobre el río Suquía después de cuatro meses de obras",
                        "", null, "2025-12-15T22:30:00Z", 1));
    }

    private static Article article(String section, String title, String summary, String author, String published,
            int minutes) {
        String slug = Integer.toHexString(title.hashCode());
        return new Article(0, "url:https://noticias.example.org/" + slug, "Noticias del Litoral",
                "https://noticias.example.org/" + slug, title, summary, author, section, List.of(),
                Instant.parse(published), Instant.parse(published), minutes);
    }

    private static Article fromSource(String source, Article article) {
        return new Article(article.id(), article.identityKey(), source, article.url(), article.title(), article.summary(),
                article.author(), article.section(), article.tags(), article.published(), article.firstSeen(),
                article.readingMinutes());
    }

    private static Subscriber subscriber(String name, Locale locale, ZoneId zone) {
        return new Subscriber(0, "lectora@example.org", name, locale, Set.of(), zone, Subscriber.Status.ACTIVE);
    }
}
