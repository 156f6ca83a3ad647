package org.resumen.digest.web;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.SignUps;
import org.resumen.digest.subscriber.Subscriber.Origin;

/**
 * What the sign-up form posted, checked field by field: an address as the subscriber files accept
 * it, a short one-line name, a language with messages, topics among those offered.
 */
record SignUpForm(String email, String name, Locale locale, Set<String> topics) {
    /** The honeypot: a field people never see, so anything in it was typed by a bot. */
    static final String HONEYPOT = "website";
    private static final int LONGEST_NAME = 200;
    private static final int LONGEST_EMAIL = 254;

    static SignUpForm read(Context ctx, TopicChoices.Recent offered, List<String> languages) {
        String email = trimmed(ctx.formParam("email"));
        if (email.length() > LONGEST_EMAIL || Emails.problem(email).isPresent()) {
            throw new InvalidForm("email", "web.subscribe.invalid.email");
        }
        String name = trimmed(ctx.formParam("name"));
        if (name.length() > LONGEST_NAME || name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidForm("name", "web.subscribe.invalid.name");
        }
        String language = trimmed(ctx.formParam("language"));
        if (!languages.contains(language)) {
            throw new InvalidForm("language", "web.preferences.invalid.language");
        }
        return new SignUpForm(email.toLowerCase(Locale.ROOT), name, Locale.forLanguageTag(language),
                topics(ctx.formParams("topic"), offered));
    }

    static boolean filledByABot(Context ctx) {
        return !trimmed(ctx.formParam(HONEYPOT)).isEmpty();
    }

    SignUps.Request request() {
        return new SignUps.Request(email, name, locale, topics, Origin.WEB);
    }

    private static Set<String> topics(List<String> posted, TopicChoices.Recent offered) {
        Set<String> topics = new LinkedHashSet<>();
        for (String topic : posted) {
            String value = topic.trim();
            if (!TopicChoices.contains(Set.copyOf(offered.sections()), value) && !TopicChoices.contains(Set.copyOf(offered.tags()), value)) {
                throw new InvalidForm("topic", "web.preferences.invalid.topic");
            }
            topics.add(value);
        }
        return topics;
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
