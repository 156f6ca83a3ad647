package org.resumen.digest.web;

import java.time.LocalDate;
import java.util.List;
import org.resumen.digest.article.Article;
import org.resumen.digest.render.Links;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens;
import org.resumen.digest.subscriber.Tokens.Purpose;

/**
 * The signed tokens of the subscriber pages: which subscriber a token in a URL names, and the links
 * of a digest exactly as the mail carries them ({@code base-url}/unsubscribe/…, /editions/D/…, /preferences/…).
 */
final class SignedLinks {
    private final Tokens tokens;
    private final SubscriberStore subscribers;
    private final String baseUrl;

    SignedLinks(Tokens tokens, SubscriberStore subscribers, String baseUrl) {
        this.tokens = tokens;
        this.subscribers = subscribers;
        this.baseUrl = baseUrl;
    }

    /** The subscriber the token was signed for, for this purpose; anything else is {@link NoSuchPage}. */
    Subscriber subscriber(String token, Purpose purpose) {
        long id = tokens.verify(token, purpose)
                .orElseThrow(() -> new NoSuchPage("token not valid for " + purpose));
        return subscribers.byId(id).orElseThrow(() -> new NoSuchPage("signed token of an unknown subscriber"));
    }

    /** The site-relative path of a subscriber page ("/preferences/TOKEN"). */
    String path(long subscriberId, Purpose purpose) {
        return switch (purpose) {
            case UNSUBSCRIBE -> "/unsubscribe/" + tokens.issue(subscriberId, purpose);
            case PREFERENCES -> "/preferences/" + tokens.issue(subscriberId, purpose);
            case WEB_VERSION -> throw new IllegalArgumentException("the web version needs a date");
            case CONFIRM -> throw new IllegalArgumentException("a confirmation link expires: see SignUpPages");
            case BOUNCE -> throw new IllegalArgumentException("a bounce token is an envelope sender, not a page: see Verp");
            case MUTE -> throw new IllegalArgumentException("a mute link names a section: see digestLinks");
        };
    }

    /** The digest's links for the web version: the same absolute URLs the mail of that date carries. */
    Links digestLinks(long subscriberId, LocalDate date, List<Article> articles) {
        return new Links(
                baseUrl + path(subscriberId, Purpose.UNSUBSCRIBE),
                baseUrl + "/editions/" + date + "/" + tokens.issue(subscriberId, Purpose.WEB_VERSION),
                baseUrl + path(subscriberId, Purpose.PREFERENCES),
                Links.muteLinks(baseUrl, articles, section -> tokens.issueMute(subscriberId, section)));
    }
}
