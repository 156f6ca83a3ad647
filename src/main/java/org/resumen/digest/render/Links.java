package org.resumen.digest.render;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import org.resumen.digest.article.Article;

/**
 * A subscriber's personal absolute URLs, built from {@code newsletter.base-url} and a signed token;
 * {@code mute}: for each section of their digest, the "less of this" link ({@code /mute/TOKEN}).
 */
public record Links(String unsubscribe, String webVersion, String preferences, Map<String, String> mute) {
    public Links {
        mute = mute == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(mute));
    }

    public Links(String unsubscribe, String webVersion, String preferences) {
        this(unsubscribe, webVersion, preferences, Map.of());
    }

    /** The "less of this" link of a section, or null (no section, or none issued). */
    public String muteFor(String section) {
        return section == null ? null : mute.get(section);
    }

    /**
     * The mute links of every section among {@code articles}: {@code baseUrl/mute/} and the token
     * {@code tokenFor} signs for that section.
     */
    public static Map<String, String> muteLinks(String baseUrl, Collection<Article> articles, Function<String, String> tokenFor) {
        Map<String, String> links = new TreeMap<>();
        for (Article article : articles) {
            String section = article.section();
            if (section != null && !section.isBlank() && !links.containsKey(section)) {
                links.put(section, baseUrl + "/mute/" + Objects.requireNonNull(tokenFor.apply(section)));
            }
        }
        return links;
    }
}
