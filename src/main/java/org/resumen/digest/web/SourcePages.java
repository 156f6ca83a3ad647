package org.resumen.digest.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.resumen.digest.article.IngestReport;
import org.resumen.digest.article.Ingester;
import org.resumen.digest.health.SourceHealth;
import org.resumen.digest.health.SourceStatus;

/** {@code /admin/sources}: each configured source with its health, and "ingest now" (admins and editors). */
final class SourcePages {
    private final Console console;
    private final SourceHealth health;
    private final Ingester ingester;
    private final List<String> names;
    private final Clock clock;

    SourcePages(Console console, SourceHealth health, Ingester ingester, List<String> names, Clock clock) {
        this.console = console;
        this.health = health;
        this.ingester = ingester;
        this.names = List.copyOf(names);
        this.clock = clock;
    }

    /** A source as a page shows it: times in the newsletter's zone, nulls where there is nothing to say. */
    record SourceLine(String name, String location, String lastFetched, String lastError, String failingSince,
                      String lastArticle, int articlesLastDay, boolean failing) {
    }

    void show(Context ctx) {
        Map<String, Object> model = console.model(ctx, "sources");
        model.put("sources", statuses(clock.instant().minus(Duration.ofDays(1))));
        model.put("added", number(ctx.queryParam("added")));
        model.put("failed", number(ctx.queryParam("failed")));
        console.show(ctx, 200, "admin-sources", model);
    }

    /** Pulls every source now, as {@code digest ingest} does, then shows the page with what it brought. */
    void ingest(Context ctx) {
        IngestReport report = ingester.ingestAll();
        long failed = report.outcomes().stream().filter(o -> o.failed()).count();
        ctx.redirect("/admin/sources?added=" + report.added() + "&failed=" + failed, HttpStatus.SEE_OTHER);
    }

    /** Every configured source's health, articles counted from {@code since}. */
    List<SourceLine> statuses(Instant since) {
        return health.statuses(names, since).stream().map(this::line).toList();
    }

    private SourceLine line(SourceStatus s) {
        return new SourceLine(s.name(), s.location(), console.inZone(s.lastFetched()), s.lastError(),
                console.inZone(s.failingSince()), console.inZone(s.lastArticle()), s.articlesLastDay(), s.failing());
    }

    // Only digits come back from the redirect above; anything else shows no notice.
    private static Integer number(String text) {
        return text != null && text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
    }
}
