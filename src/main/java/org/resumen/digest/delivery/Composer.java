package org.resumen.digest.delivery;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.resumen.digest.article.Article;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Topics;
import org.resumen.digest.render.DigestParts;
import org.resumen.digest.render.DigestRenderer;
import org.resumen.digest.render.DigestRequest;
import org.resumen.digest.render.RenderedDigest;
import org.resumen.digest.render.SharedDigests;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.Verp;

/** One subscriber's message: their topics' articles, rendered in their language, as a MIME message. */
final class Composer {
    private final DigestRenderer renderer;
    private final MessageBuilder builder;
    private final PersonalLinks links;
    private final Locale defaultLocale;
    private final Session session;
    private final Verp verp;

    Composer(DigestRenderer renderer, MessageBuilder builder, PersonalLinks links, Locale defaultLocale, Session session) {
        this(renderer, builder, links, defaultLocale, session, null);
    }

    /** With {@code verp} (null = none) naming each message's envelope sender after its subscriber. */
    Composer(DigestRenderer renderer, MessageBuilder builder, PersonalLinks links, Locale defaultLocale, Session session,
            Verp verp) {
        this.verp = verp;
        this.renderer = renderer;
        this.builder = builder;
        this.links = links;
        this.defaultLocale = defaultLocale;
        this.session = session;
    }

    /** The subscriber's articles; empty when the edition has some but none in the subscriber's topics. */
    List<Article> articlesFor(Edition edition, Subscriber subscriber) {
        return Topics.forSubscriber(edition.articles(), subscriber.topics());
    }

    /**
     * Where one send's digests are rendered: subscribers with the same articles, language and zone
     * share a render. Take a new one for each send (or preview) of an edition.
     */
    SharedDigests newSend() {
        return new SharedDigests(renderer);
    }

    RenderedDigest render(Edition edition, Subscriber subscriber, SharedDigests digests) {
        List<Article> articles = articlesFor(edition, subscriber);
        return render(edition, articles, subscriber, links.forSubscriber(subscriber.id(), edition.date(), articles), digests);
    }

    /** The message, or empty when the subscriber's topics leave nothing of a non-empty edition. */
    Optional<MimeMessage> compose(Edition edition, Subscriber subscriber, SharedDigests digests) {
        List<Article> articles = articlesFor(edition, subscriber);
        if (!edition.isEmpty() && articles.isEmpty()) {
            return Optional.empty();
        }
        PersonalLinks.Personal personal = links.forSubscriber(subscriber.id(), edition.date(), articles);
        Locale locale = subscriber.locale() != null ? subscriber.locale() : defaultLocale;
        DigestParts digest = digests.renderParts(new DigestRequest(edition, articles, subscriber, locale, personal.links()));
        Recipient to = new Recipient(MessageBuilder.recipientAddress(subscriber.email(), subscriber.name()),
                Emails.mask(subscriber.email()));
        WireMessage message = builder.build(session, to, digest, personal.links().unsubscribe(), personal.unsubscribeToken());
        if (verp != null) {
            message.setEnvelopeFrom(verp.address(subscriber.id()));
        }
        return Optional.of(message);
    }

    private RenderedDigest render(Edition edition, List<Article> articles, Subscriber subscriber,
            PersonalLinks.Personal personal, SharedDigests digests) {
        Locale locale = subscriber.locale() != null ? subscriber.locale() : defaultLocale;
        return digests.render(new DigestRequest(edition, articles, subscriber, locale, personal.links()));
    }
}
