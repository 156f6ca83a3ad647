package org.resumen.digest.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import org.resumen.digest.subscriber.SignUps;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;
import org.resumen.digest.subscriber.Tokens;
import org.resumen.digest.subscriber.Tokens.Purpose;

/**
 * {@code /subscribe} and {@code /confirm/{token}}: sign-up with double opt-in. Whatever the address,
 * a valid form gets the same "check your mail" page; only a new (or departed) address gets a
 * confirmation mail, at most {@link #MAILS_PER_ADDRESS} a day, and one connection may sign up
 * {@link #SIGN_UPS_PER_IP} times an hour. Opening the link shows a button (mail scanners follow
 * links); its POST makes the subscriber ACTIVE.
 */
final class SignUpPages {
    static final int SIGN_UPS_PER_IP = 10;
    static final int MAILS_PER_ADDRESS = 3;

    private final SignUps signUps;
    private final SubscriberStore subscribers;
    private final Tokens tokens;
    private final ConfirmationMail mail;
    private final TopicChoices topics;
    private final PageLocale locales;
    private final PreferencesView view;
    private final Pages pages;
    private final Clock clock;
    private final Throttle perIp;
    private final Throttle perAddress;

    SignUpPages(SignUps signUps, SubscriberStore subscribers, Tokens tokens, ConfirmationMail mail, TopicChoices topics,
                PageLocale locales, PreferencesView view, Pages pages, Clock clock) {
        this.signUps = signUps;
        this.subscribers = subscribers;
        this.tokens = tokens;
        this.mail = mail;
        this.topics = topics;
        this.locales = locales;
        this.view = view;
        this.pages = pages;
        this.clock = clock;
        this.perIp = new Throttle(SIGN_UPS_PER_IP, Duration.ofHours(1), clock);
        this.perAddress = new Throttle(MAILS_PER_ADDRESS, Duration.ofDays(1), clock);
    }

    void form(Context ctx) {
        showForm(ctx, 200, locale(ctx), null);
    }

    void submit(Context ctx) {
        Locale locale = locale(ctx);
        if (SignUpForm.filledByABot(ctx)) {
            sent(ctx, locale, ctx.formParam("email"));
            return;
        }
        if (!perIp.tryAcquire(ctx.ip())) {
            pages.show(ctx, 429, "subscribe-limited", locale, Map.of());
            return;
        }
        SignUpForm form;
        try {
            form = SignUpForm.read(ctx, topics.recent(locale), locales.languages());
        } catch (InvalidForm invalid) {
            showForm(ctx, 400, locale, invalid);
            return;
        }
        // Past the per-address limit the page is the same and no mail goes out: nobody learns anything.
        if (perAddress.tryAcquire(form.email())) {
            OptionalLong pending = signUps.request(form.request());
            pending.ifPresent(id -> mail.send(id, form.email(), form.name(), form.locale()));
        }
        sent(ctx, form.locale(), form.email());
    }

    void ask(Context ctx) {
        Subscriber subscriber = pendingOrConfirmed(ctx);
        if (subscriber == null) {
            return;
        }
        Locale locale = locales.of(subscriber, ctx.header("Accept-Language"));
        if (subscriber.active()) {
            confirmed(ctx, locale, subscriber);
        } else {
            pages.show(ctx, 200, "confirm-ask", locale, Map.of("action", "/confirm/" + ctx.pathParam("token"),
                    "address", subscriber.email()));
        }
    }

    void confirm(Context ctx) {
        Subscriber subscriber = pendingOrConfirmed(ctx);
        if (subscriber == null) {
            return;
        }
        signUps.confirm(subscriber.id());
        confirmed(ctx, locales.of(subscriber, ctx.header("Accept-Language")), subscriber);
    }

    // A forged token is the same 404 as elsewhere; an expired one, or one whose sign-up is over, a page saying so.
    private Subscriber pendingOrConfirmed(Context ctx) {
        Tokens.Expiring token = tokens.verify(ctx.pathParam("token"), Purpose.CONFIRM, clock.instant())
                .orElseThrow(() -> new NoSuchPage("confirmation token not valid"));
        Subscriber subscriber = subscribers.byId(token.subscriberId())
                .orElseThrow(() -> new NoSuchPage("confirmation token of an unknown subscriber"));
        boolean usable = subscriber.status() == Subscriber.Status.PENDING || subscriber.active();
        if (token.expired() || !usable) {
            pages.show(ctx, 410, "confirm-expired", locales.of(subscriber, ctx.header("Accept-Language")), Map.of());
            return null;
        }
        return subscriber;
    }

    private void confirmed(Context ctx, Locale locale, Subscriber subscriber) {
        pages.show(ctx, 200, "confirmed", locale, Map.of("address", subscriber.email()));
    }

    private void sent(Context ctx, Locale locale, String email) {
        pages.show(ctx, 200, "subscribe-sent", locale, Map.of("address", email == null ? "" : email.trim(),
                "validHours", ConfirmationMail.VALID.toHours()));
    }

    private void showForm(Context ctx, int status, Locale locale, InvalidForm error) {
        TopicChoices.Recent recent = topics.recent(locale);
        Map<String, Object> model = new HashMap<>();
        model.put("action", "/subscribe");
        model.put("email", value(ctx, "email"));
        model.put("name", value(ctx, "name"));
        model.put("sections", PreferencesView.choices(recent.sections(), ctx.formParams("topic")));
        model.put("tags", PreferencesView.choices(recent.tags(), ctx.formParams("topic")));
        model.put("languages", view.languages(error == null ? locale : Locale.forLanguageTag(value(ctx, "language"))));
        model.put("honeypot", SignUpForm.HONEYPOT);
        model.put("errorField", error == null ? null : error.field);
        model.put("errorKey", error == null ? null : error.messageKey);
        pages.show(ctx, status, "subscribe", locale, model);
    }

    private static String value(Context ctx, String field) {
        if (!ctx.method().name().equals("POST")) {
            return "";
        }
        String value = ctx.formParam(field);
        return value == null ? "" : value.trim();
    }

    private Locale locale(Context ctx) {
        return locales.of(ctx.header("Accept-Language"));
    }
}
