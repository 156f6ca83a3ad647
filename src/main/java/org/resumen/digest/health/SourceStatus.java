package org.resumen.digest.health;

import java.time.Instant;

/**
 * One configured source as the console shows it: when it was last fetched (null: never), the error
 * of that fetch (null: it worked), since when every fetch failed (null: it works), when it last
 * brought an article, and how many it brought in the day before now.
 */
public record SourceStatus(String name, String location, Instant lastFetched, String lastError, Instant failingSince,
                           Instant lastArticle, int articlesLastDay) {
    public boolean failing() {
        return lastError != null || failingSince != null;
    }
}
