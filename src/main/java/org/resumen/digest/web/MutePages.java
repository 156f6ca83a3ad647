package org.resumen.digest.web;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Set;
import org.resumen.digest.edition.Topics;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Preferences;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberChoices;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens;
import org.resumen.digest.subscriber.Tokens.Purpose;

/**
 * "Less of this": {@code GET /mute/{token}} asks, with one button (a GET never changes anything:
 * mail scanners follow links); {@code POST /mute/{token}} takes the token's section out of the
 * subscriber's topics at once (with no topics, they keep every other section), and says so with a
 * link to the preferences page to undo it. The signed token names the subscriber and the section.
 */
final class MutePages {
    private final Tokens tokens;
    private final SubscriberStore subscribers;
    private final SubscriberChoices choices;
    private final TopicChoices topics;
    private final SignedLinks links;
    private final PageLocale locales;
    private final Pages pages;

    MutePages(Tokens tokens, SubscriberStore subscribers, SubscriberChoices choices, TopicChoices topics, SignedLinks links,
            PageLocale locales, Pages pages) {
        this.tokens = tokens;
        this.subscribers = subscribers;
        this.choices = choices;
        this.topics = topics;
        this.links = links;
        this.locales = locales;
        this.pages = pages;
    }

    private record Request(Subscriber subscriber, String section) {
    }

    void ask(Context ctx) {
        Request request = request(ctx);
        boolean already = !Topics.receives(request.subscriber().topics(), request.section());
        show(ctx, request, already ? "muted" : "mute");
    }

    void mute(Context ctx) {
        Request request = request(ctx);
        Subscriber s = request.subscriber();
        if (Topics.receives(s.topics(), request.section())) {
            Set<String> kept = Topics.without(s.topics(), request.section(),
                    topics.recent(locales.of(s, ctx.header("Accept-Language"))).sections());
            if (kept.isEmpty()) {
                show(ctx, request, "mute-only");
                return;
            }
            choices.save(s.id(), new Preferences(kept, s.locale(), s.timezone()));
        }
        show(ctx, request, "muted");
    }

    private Request request(Context ctx) {
        Tokens.Muted muted = tokens.verifyMute(ctx.pathParam("token"))
                .orElseThrow(() -> new NoSuchPage("token not valid for MUTE"));
        Subscriber subscriber = subscribers.byId(muted.subscriberId())
                .orElseThrow(() -> new NoSuchPage("signed token of an unknown subscriber"));
        return new Request(subscriber, muted.topic());
    }

    private void show(Context ctx, Request request, String page) {
        Subscriber s = request.subscriber();
        pages.show(ctx, 200, page, locales.of(s, ctx.header("Accept-Language")), Map.of(
                "address", Emails.mask(s.email()),
                "section", request.section(),
                "muteAction", "/mute/" + ctx.pathParam("token"),
                "preferencesAction", links.path(s.id(), Purpose.PREFERENCES)));
    }
}
