package org.resumen.digest.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.resumen.digest.article.Article;
import org.resumen.digest.config.NewsletterConfig;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.subscriber.Subscriber;

/** Small named factories for render tests: the newsletter, articles, subscribers, requests, templates. */
final class RenderFixtures {
    static final Path SHIPPED_TEMPLATES = Path.of("templates");
    static final LocalDate EDITION_DATE = LocalDate.of(2025, 12, 16);
    static final Instant CUTOFF = Instant.parse("2025-12-16T10:00:00Z");
    static final Links LINKS = new Links("http://localhost:8080/unsubscribe/tok-ana-7f3a",
            "http://localhost:8080/web/tok-ana-7f3a", "http://localhost:8080/preferences/tok-ana-7f3a");

    private RenderFixtures() {
    }

    static NewsletterConfig newsletter() {
        return new NewsletterConfig("El Resumen", "El Resumen <resumen@example.org>",
                ZoneId.of("America/Argentina/Buenos_Aires"), Locale.forLanguageTag("es-AR"), "0 0 7 * * ?",
                "http://localhost:8080", 20, Duration.ofHours(36));
    }

    static DigestRenderer renderer() {
        return new DigestRenderer(SHIPPED_TEMPLATES, newsletter());
    }

    /** A political article about the topic, published 07:30 in Buenos Aires on the edition's day. */
    static Article articleAbout(String topic) {
        return article("Política", topic + ": qué se decidió hoy y qué sigue",
                "Lo que hay que saber sobre " + topic + " en tres párrafos.", "2025-12-16T10:30:00Z");
    }

    static Article titled(String title) {
        return article("Política", title, "Resumen breve de la nota.", "2025-12-16T10:30:00Z");
    }

    static Article article(String section, String title, String summary, String publishedInstant) {
        Instant published = Instant.parse(publishedInstant);
        String slug = Integer.toHexString(title.hashCode());
        return new Article(0, "url:https://noticias.example.org/" + slug, "Diario del Plata",
                "https://noticias.example.org/notas/" + slug, title, summary, "", section, List.of(), published,
                published, 3);
    }

    static Article withoutSection(Article article) {
        return new Article(article.id(), article.identityKey(), article.sourceName(), article.url(), article.title(),
                article.summary(), article.author(), null, article.tags(), article.published(), article.firstSeen(),
                article.readingMinutes());
    }

    static Article byAuthor(Article article, String author) {
        return new Article(article.id(), article.identityKey(), article.sourceName(), article.url(), article.title(),
                article.summary(), author, article.section(), article.tags(), article.published(),
                article.firstSeen(), article.readingMinutes());
    }

    /** A subscriber with a name, no locale and no time zone of their own (the newsletter's apply). */
    static Subscriber subscriber(String email) {
        return new Subscriber(1, email, "Ana", null, Set.of(), null, Subscriber.Status.ACTIVE);
    }

    static Subscriber anonymous(String email) {
        return new Subscriber(2, email, "", null, Set.of(), null, Subscriber.Status.ACTIVE);
    }

    static Subscriber inZone(Subscriber subscriber, String zone) {
        return new Subscriber(subscriber.id(), subscriber.email(), subscriber.name(), subscriber.locale(),
                subscriber.topics(), ZoneId.of(zone), subscriber.status());
    }

    static DigestRequest spanish(List<Article> articles, Subscriber subscriber) {
        return request(articles, subscriber, "es-AR");
    }

    static DigestRequest english(List<Article> articles, Subscriber subscriber) {
        return request(articles, subscriber, "en");
    }

    static DigestRequest request(List<Article> articles, Subscriber subscriber, String languageTag) {
        Edition edition = new Edition(1, "El Resumen", EDITION_DATE, CUTOFF, CUTOFF.minus(Duration.ofHours(36)),
                articles);
        return new DigestRequest(edition, articles, subscriber, Locale.forLanguageTag(languageTag), LINKS);
    }

    static String resource(String name) {
        try (InputStream in = RenderFixtures.class.getResourceAsStream("/render/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the shipped templates into a folder a test may break. */
    static Path copyOfTemplates(Path target) {
        try (Stream<Path> files = Files.list(SHIPPED_TEMPLATES)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
