package org.resumen.digest.web;

import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.resumen.digest.RefusedException;
import org.resumen.digest.article.Article;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.delivery.SendJobs;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;

/**
 * {@code /api/v1/editions}: the editions with their delivery counts, one edition's articles, its
 * send (started in the background by {@link SendJobs}, the use case the console calls; 202 at once,
 * progress on GET) and its delivery log.
 */
final class ApiEditions {
    private static final int LISTED = 100;

    private final Editions editions;
    private final DeliveryLedger ledger;
    private final SendJobs sendJobs;

    ApiEditions(Editions editions, DeliveryLedger ledger, SendJobs sendJobs) {
        this.editions = editions;
        this.ledger = ledger;
        this.sendJobs = sendJobs;
    }

    /** The last {@value #LISTED} stored editions, newest first, with their counts. */
    void list(Context ctx) {
        List<LocalDate> dates = new ArrayList<>(editions.dates());
        dates.sort(java.util.Comparator.reverseOrder());
        List<Map<String, Object>> listed = new ArrayList<>();
        for (LocalDate date : dates.subList(0, Math.min(LISTED, dates.size()))) {
            editions.find(date).ifPresent(edition -> listed.add(summary(edition)));
        }
        ApiJson.send(ctx, 200, Map.of("editions", listed));
    }

    /** A stored edition, or (stored: false) what it would carry if it were made now. */
    void show(Context ctx) {
        LocalDate date = ApiJson.date(ctx);
        Optional<Edition> stored = editions.find(date);
        Edition edition = stored.orElseGet(() -> editions.plan(date));
        Map<String, Object> json = summary(edition);
        json.put("stored", stored.isPresent());
        json.put("articles", edition.articles().stream().map(ApiEditions::article).toList());
        ApiJson.send(ctx, 200, json);
    }

    void send(Context ctx) {
        LocalDate date = ApiJson.date(ctx);
        SendJobs.Snapshot started;
        try {
            started = sendJobs.start(date);
        } catch (RefusedException refused) {
            throw new ApiProblem(409, "Conflict", refused.getMessage());
        }
        ctx.header("Location", ctx.path());
        ApiJson.send(ctx, 202, progress(started));
    }

    void progress(Context ctx) {
        LocalDate date = ApiJson.date(ctx);
        SendJobs.Snapshot snapshot = sendJobs.progress(date).orElseThrow(() -> ApiProblem.notFound(
                "no send of " + date + " started since serve started; start one with POST /api/v1/editions/" + date + "/send"));
        ApiJson.send(ctx, 200, progress(snapshot));
    }

    void deliveries(Context ctx) {
        LocalDate date = ApiJson.date(ctx);
        String status = ctx.queryParam("status");
        if (status != null && !DeliveryLedger.STATUSES.contains(status)) {
            throw ApiProblem.badField("status", "one of " + String.join(", ", DeliveryLedger.STATUSES));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        ledger.forEachRow(date, status, row -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("email", row.email());
            json.put("status", row.status());
            json.put("attempts", row.attempts());
            json.put("reply", row.reply());
            json.put("updated", row.updatedAt() == null ? null : row.updatedAt().toString());
            json.put("sent", row.sentAt() == null ? null : row.sentAt().toString());
            rows.add(json);
        });
        ApiJson.send(ctx, 200, Map.of("date", date.toString(), "deliveries", rows));
    }

    private Map<String, Object> summary(Edition edition) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", edition.date().toString());
        json.put("cutoff", edition.cutoff().toString());
        json.put("articleCount", edition.articles().size());
        json.put("counts", edition.id() > 0 ? ledger.counts(edition.id()) : Map.of());
        return json;
    }

    static Map<String, Object> article(Article article) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("title", article.title());
        json.put("url", article.url());
        json.put("summary", article.summary());
        json.put("author", article.author());
        json.put("section", article.section());
        json.put("tags", article.tags());
        json.put("source", article.sourceName());
        json.put("published", article.published().toString());
        return json;
    }

    private static Map<String, Object> progress(SendJobs.Snapshot s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("date", s.date().toString());
        json.put("started", s.startedAt().toString());
        json.put("finished", s.finished());
        json.put("percent", s.percent());
        json.put("total", s.total());
        json.put("done", s.done());
        json.put("sent", s.sent());
        json.put("failed", s.failed());
        json.put("rejected", s.rejected());
        json.put("skipped", s.skipped());
        json.put("note", s.note());
        json.put("error", s.error());
        return json;
    }
}
