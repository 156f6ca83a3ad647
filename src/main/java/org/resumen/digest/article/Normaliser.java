package org.resumen.digest.article;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Turns a {@link Draft} into an {@link Article}: plain text everywhere, canonical URL, identity key. */
final class Normaliser {
    private static final int MAX_KEY = 1000;
    private static final int MAX_TAGS = 2000;

    private Normaliser() {
    }

    /**
     * The article for {@code draft}, first seen at {@code now} (also its published instant when it has none).
     *
     * @throws IllegalArgumentException with the reason the item cannot be used
     */
    static Article normalise(Draft draft, String sourceName, Instant now) {
        String title = fit(Html.toPlainText(draft.title()), 1000);
        if (title.isEmpty()) {
            throw new IllegalArgumentException("no title; expected a headline for every article");
        }
        String url = isBlank(draft.link()) ? "" : CanonicalUrl.of(draft.link(), draft.baseUri());
        if (url.length() > 2000) {
            throw new IllegalArgumentException("URL longer than 2000 characters");
        }
        Instant published = draft.published() == null ? now : draft.published();
        String body = Html.safePlainText(isBlank(draft.bodyHtml()) ? draft.summaryHtml() : draft.bodyHtml(), url);
        List<String> tags = tags(draft.tags());
        String section = Html.toPlainText(draft.section());
        return new Article(0, identityKey(draft.guid(), url, title, published), fit(sourceName, 200), url, title,
                summary(draft, url, body), orNull(fit(Html.toPlainText(draft.author()), 300)),
                orNull(fit(section, 200)), tags, published, now, readingMinutes(draft, body), image(draft, title));
    }

    // Only the full text (content:encoded, a Markdown body) says how long the article takes to read;
    // from a short description the estimate would always be "1 min", so it is 0 (not shown).
    private static int readingMinutes(Draft draft, String body) {
        return isBlank(draft.bodyHtml()) || body.isEmpty() ? 0 : Summary.readingMinutes(body);
    }

    // The alt text is the caption when the source wrote one, else the headline.
    private static ArticleImage image(Draft draft, String title) {
        if (draft.image() == null) {
            return null;
        }
        String caption = fit(Html.toPlainText(draft.image().caption()), 1000);
        return new ArticleImage(draft.image().url(), caption.isEmpty() ? title : caption);
    }

    private static String summary(Draft draft, String url, String body) {
        if (!isBlank(draft.summaryText())) {
            return Summary.cut(Html.toPlainText(draft.summaryText()), 2000);
        }
        String summary = Html.safePlainText(draft.summaryHtml(), url);
        return Summary.cut(summary.isEmpty() ? body : summary, Summary.LENGTH);
    }

    static String identityKey(String guid, String url, String title, Instant published) {
        if (!isBlank(guid)) {
            return bounded("guid:", guid.strip());
        }
        if (!url.isEmpty()) {
            return bounded("url:", url);
        }
        String day = published.atOffset(ZoneOffset.UTC).toLocalDate().toString();
        return bounded("title:", title.toLowerCase(Locale.ROOT) + "|" + day);
    }

    private static List<String> tags(List<String> given) {
        Set<String> tags = new LinkedHashSet<>();
        int length = 0;
        for (String text : given == null ? List.<String>of() : given) {
            String tag = Html.toPlainText(text).replace(';', ',');
            length += tag.length() + 1;
            if (!tag.isEmpty() && length <= MAX_TAGS) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    // Keys must fit the unique varchar(1000) column; a digest keeps very long ones unique and stable.
    private static String bounded(String prefix, String value) {
        String key = prefix + value;
        return key.length() <= MAX_KEY ? key : prefix + "sha256:" + sha256(value);
    }

    private static String sha256(String value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String fit(String text, int max) {
        return text.length() <= max ? text : Summary.cut(text, max);
    }

    private static String orNull(String text) {
        return text.isEmpty() ? null : text;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
