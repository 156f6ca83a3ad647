package org.resumen.digest.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.resumen.digest.article.Article;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;
import org.resumen.digest.edition.Topics;
import org.resumen.digest.render.DigestRenderer;
import org.resumen.digest.render.DigestRequest;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.Tokens.Purpose;

/**
 * {@code /editions/{date}/{token}}: the subscriber's digest of that date in the browser, made by the
 * production renderer from the frozen edition with their topics, language and links.
 */
final class WebVersionPages {
    private final SignedLinks links;
    private final Editions editions;
    private final DigestRenderer renderer;
    private final Locale newsletterLocale;

    WebVersionPages(SignedLinks links, Editions editions, DigestRenderer renderer, Locale newsletterLocale) {
        this.links = links;
        this.editions = editions;
        this.renderer = renderer;
        this.newsletterLocale = newsletterLocale;
    }

    void show(Context ctx) {
        LocalDate date = date(ctx.pathParam("date"));
        Subscriber subscriber = links.subscriber(ctx.pathParam("token"), Purpose.WEB_VERSION);
        Edition edition = editions.find(date).orElseThrow(() -> new NoSuchPage("no edition of " + date));
        show(ctx, edition, subscriber, SecurityHeaders.DIGEST_POLICY);
    }

    /**
     * Writes {@code subscriber}'s digest of {@code edition} as the response, under {@code policy}: the
     * production renderer with their topics, language and personal links (the console's preview too).
     */
    void show(Context ctx, Edition edition, Subscriber subscriber, String policy) {
        Locale locale = subscriber.locale() != null ? subscriber.locale() : newsletterLocale;
        List<Article> articles = Topics.forSubscriber(edition.articles(), subscriber.topics());
        DigestRequest request = new DigestRequest(edition, articles, subscriber, locale,
                links.digestLinks(subscriber.id(), edition.date(), articles));
        ctx.header(SecurityHeaders.CSP, policy)
                .header("Content-Language", locale.toLanguageTag())
                .contentType("text/html; charset=utf-8")
                .result(renderer.render(request).html());
    }

    /** The date of a path such as /editions/2025-12-16/…; anything else is {@link NoSuchPage}. */
    static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new NoSuchPage("not a date: " + text);
        }
    }
}
