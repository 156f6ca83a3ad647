package org.resumen.digest.delivery;

import java.time.LocalDate;
import org.resumen.digest.render.Links;
import org.resumen.digest.subscriber.Tokens;

/** A subscriber's absolute links, each carrying a token signed for that subscriber and purpose. */
final class PersonalLinks {
    private final String baseUrl;
    private final Tokens tokens;

    PersonalLinks(String baseUrl, Tokens tokens) {
        this.baseUrl = baseUrl;
        this.tokens = tokens;
    }

    String unsubscribeToken(long subscriberId) {
        return tokens.issue(subscriberId, Tokens.Purpose.UNSUBSCRIBE);
    }

    Links forSubscriber(long subscriberId, LocalDate date) {
        return new Links(
                baseUrl + "/unsubscribe/" + unsubscribeToken(subscriberId),
                baseUrl + "/editions/" + date + "/" + tokens.issue(subscriberId, Tokens.Purpose.WEB_VERSION),
                baseUrl + "/preferences/" + tokens.issue(subscriberId, Tokens.Purpose.PREFERENCES));
    }
}
