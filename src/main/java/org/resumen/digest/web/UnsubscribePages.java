package org.resumen.digest.web;

import io.javalin.http.Context;
import java.util.Map;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens.Purpose;

/**
 * {@code /unsubscribe/{token}}: a GET only shows a page with one button (mail scanners follow links);
 * any POST unsubscribes at once and answers 200 with no redirect, which is also the RFC 8058
 * one-click POST ({@code List-Unsubscribe=One-Click}) a mailbox provider sends without cookies.
 */
final class UnsubscribePages {
    private final SignedLinks links;
    private final SubscriberStore subscribers;
    private final PageLocale locales;
    private final Pages pages;

    UnsubscribePages(SignedLinks links, SubscriberStore subscribers, PageLocale locales, Pages pages) {
        this.links = links;
        this.subscribers = subscribers;
        this.locales = locales;
        this.pages = pages;
    }

    void ask(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx.pathParam("token"), Purpose.UNSUBSCRIBE);
        boolean already = subscriber.status() == Subscriber.Status.UNSUBSCRIBED;
        pages.show(ctx, 200, already ? "unsubscribed" : "unsubscribe", locales.of(subscriber, ctx.header("Accept-Language")),
                model(subscriber, ctx.pathParam("token")));
    }

    // RFC 8058 section 3.2: the POST must work without cookies or any other state, so the signed token
    // in the URL is the whole credential and the body is not needed; repeating it changes nothing.
    void unsubscribe(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx.pathParam("token"), Purpose.UNSUBSCRIBE);
        subscribers.unsubscribe(subscriber.id());
        pages.show(ctx, 200, "unsubscribed", locales.of(subscriber, ctx.header("Accept-Language")),
                model(subscriber, ctx.pathParam("token")));
    }

    private Map<String, Object> model(Subscriber subscriber, String token) {
        return Map.of(
                "address", Emails.mask(subscriber.email()),
                "unsubscribeAction", "/unsubscribe/" + token,
                "preferencesAction", links.path(subscriber.id(), Purpose.PREFERENCES));
    }
}
