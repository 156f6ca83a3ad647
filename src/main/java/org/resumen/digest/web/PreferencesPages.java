package org.resumen.digest.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberChoices;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens.Purpose;

/**
 * {@code /preferences/{token}}: topics, language, time zone, a pause of 1/2/4 weeks, unsubscribe
 * and resubscribe. A POST saves at once (the next edition honours it) and redirects to the page.
 */
final class PreferencesPages {
    private static final Set<String> NOTICES = Set.of("saved", "unsubscribed", "resubscribed");

    private final SignedLinks links;
    private final SubscriberStore subscribers;
    private final SubscriberChoices choices;
    private final TopicChoices topics;
    private final PageLocale locales;
    private final PreferencesView view;
    private final Pages pages;
    private final Clock clock;

    PreferencesPages(SignedLinks links, SubscriberStore subscribers, SubscriberChoices choices, TopicChoices topics,
                     PageLocale locales, PreferencesView view, Pages pages, Clock clock) {
        this.links = links;
        this.subscribers = subscribers;
        this.choices = choices;
        this.topics = topics;
        this.locales = locales;
        this.view = view;
        this.pages = pages;
        this.clock = clock;
    }

    void show(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx.pathParam("token"), Purpose.PREFERENCES);
        String notice = ctx.queryParam("done");
        render(ctx, 200, subscriber, notice != null && NOTICES.contains(notice) ? notice : null, null);
    }

    void save(Context ctx) {
        Subscriber subscriber = links.subscriber(ctx.pathParam("token"), Purpose.PREFERENCES);
        String action = Optional.ofNullable(ctx.formParam("action")).orElse("save");
        switch (action) {
            case "unsubscribe" -> {
                subscribers.unsubscribe(subscriber.id());
                done(ctx, "unsubscribed");
            }
            case "resubscribe" -> {
                choices.resubscribe(subscriber.id());
                done(ctx, "resubscribed");
            }
            case "save" -> saveForm(ctx, subscriber);
            default -> render(ctx, 400, subscriber, null, new InvalidForm("action", "web.preferences.invalid.action"));
        }
    }

    private void saveForm(Context ctx, Subscriber subscriber) {
        PreferencesForm form;
        try {
            form = PreferencesForm.read(ctx, subscriber, topics.recent(locale(ctx, subscriber)), locales.languages());
        } catch (InvalidForm invalid) {
            render(ctx, 400, subscriber, null, invalid);
            return;
        }
        choices.save(subscriber.id(), form.preferences());
        if (!form.pause().keep()) {
            Instant until = form.pause().length() == null ? null : clock.instant().plus(form.pause().length());
            choices.pauseUntil(subscriber.id(), until);
        }
        done(ctx, "saved");
    }

    // Post/redirect/get to the page's own path only: nothing from the request picks the target.
    private static void done(Context ctx, String notice) {
        ctx.redirect("/preferences/" + ctx.pathParam("token") + "?done=" + notice, HttpStatus.SEE_OTHER);
    }

    private void render(Context ctx, int status, Subscriber subscriber, String notice, InvalidForm error) {
        Locale locale = locale(ctx, subscriber);
        Map<String, Object> model = view.model(subscriber, locale, choices.pausedUntil(subscriber.id()),
                topics.recent(locale), "/preferences/" + ctx.pathParam("token"));
        model.put("notice", notice);
        model.put("errorField", error == null ? null : error.field);
        model.put("errorKey", error == null ? null : error.messageKey);
        pages.show(ctx, status, "preferences", locale, model);
    }

    private Locale locale(Context ctx, Subscriber subscriber) {
        return locales.of(subscriber, ctx.header("Accept-Language"));
    }
}
