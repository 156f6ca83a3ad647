package org.resumen.digest.delivery;

import java.time.LocalDate;
import java.util.List;
import org.resumen.digest.article.Article;
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

    /** The links of one subscriber, with the bare unsubscribe token the List-Unsubscribe mailto needs. */
    record Personal(Links links, String unsubscribeToken) {
    }

    /** Signs each token once: called once per message; a "less of this" link per section of {@code articles}. */
    Personal forSubscriber(long subscriberId, LocalDate date, List<Article> articles) {
        String unsubscribe = tokens.issue(subscriberId, Tokens.Purpose.UNSUBSCRIBE);
        return new Personal(new Links(
                baseUrl + "/unsubscribe/" + unsubscribe,
                baseUrl + "/editions/" + date + "/" + tokens.issue(subscriberId, Tokens.Purpose.WEB_VERSION),
                baseUrl + "/preferences/" + tokens.issue(subscriberId, Tokens.Purpose.PREFERENCES),
                Links.muteLinks(baseUrl, articles, section -> tokens.issueMute(subscriberId, section))), unsubscribe);
    }
}
