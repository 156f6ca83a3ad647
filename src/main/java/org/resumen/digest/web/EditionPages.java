package org.resumen.digest.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resumen.digest.DigestException;
import org.resumen.digest.article.Article;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.delivery.Progress;
import org.resumen.digest.delivery.SendEdition;
import org.resumen.digest.delivery.SendJobs;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;
import org.resumen.digest.subscriber.Emails;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberStore;

/**
 * {@code /admin/editions/{date}}: the edition's articles (frozen, or what it would carry now), the
 * preview as any subscriber in a sandboxed frame, a test send, the delivery log by status, and, for
 * the admin role only, send now (after a confirmation, with live progress) and retry failed. Every
 * send goes through the one send use case, as the schedule's and the CLI's do.
 */
final class EditionPages {
    /** Rows of the delivery log one page shows; {@code digest deliveries} lists them all. */
    static final int LOG_ROWS = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Console console;
    private final Editions editions;
    private final DeliveryLedger ledger;
    private final SubscriberStore subscribers;
    private final SendEdition sendEdition;
    private final SendJobs sendJobs;
    private final WebVersionPages digests;

    EditionPages(Console console, Editions editions, DeliveryLedger ledger, SubscriberStore subscribers,
                 SendEdition sendEdition, SendJobs sendJobs, WebVersionPages digests) {
        this.console = console;
        this.editions = editions;
        this.ledger = ledger;
        this.subscribers = subscribers;
        this.sendEdition = sendEdition;
        this.sendJobs = sendJobs;
        this.digests = digests;
    }

    /** An article of the edition as the page lists it. */
    record ArticleLine(String title, String url, String source, String section) {
        static ArticleLine of(Article a) {
            return new ArticleLine(a.title(), a.url(), a.sourceName(), a.section());
        }
    }

    /** A row of the delivery log. */
    record LogLine(String email, String status, int attempts, String reply, String updated, boolean possibleDuplicate) {
    }

    /** {@code GET /admin/editions?date=D} (the date picker): the page of that date, or today's. */
    void pick(Context ctx) {
        String asked = ctx.queryParam("date");
        LocalDate date = asked == null || asked.isBlank() ? editions.today() : WebVersionPages.date(asked.strip());
        ctx.redirect("/admin/editions/" + date, HttpStatus.SEE_OTHER);
    }

    void show(Context ctx) {
        show(ctx, 200, null);
    }

    /** {@code GET …/preview?subscriber=EMAIL}: the digest that subscriber would get (framed by the edition page only). */
    void preview(Context ctx) {
        LocalDate date = WebVersionPages.date(ctx.pathParam("date"));
        Subscriber subscriber = previewed(ctx.queryParam("subscriber")).orElse(sample());
        digests.show(ctx, editions.plan(date), subscriber, SecurityHeaders.PREVIEW_POLICY);
        ctx.header("X-Frame-Options", "SAMEORIGIN");
    }

    /** {@code POST …/test}: the edition to one address only, not recorded as a delivery (editors may). */
    void testSend(Context ctx) {
        LocalDate date = WebVersionPages.date(ctx.pathParam("date"));
        String to = Optional.ofNullable(ctx.formParam("to")).orElse("").strip();
        Optional<String> problem = Emails.problem(to);
        if (problem.isPresent()) {
            show(ctx, 400, Map.of("testError", "web.console.test.invalid", "testTo", to, "testDetail", problem.get()));
            return;
        }
        SendReport report;
        try {
            report = sendEdition.run(new SendOptions(date, to, false, false), Progress.NONE);
        } catch (DigestException refused) {
            show(ctx, 409, Map.of("testError", "web.console.test.refused", "testTo", to, "testDetail", refused.getMessage()));
            return;
        }
        Map<String, Object> notice = new LinkedHashMap<>();
        notice.put("testTo", to);
        if (report.sent() == 1) {
            notice.put("testNotice", "web.console.test.sent");
        } else {
            notice.put("testError", "web.console.test.failed");
            notice.put("testDetail", String.join("; ", report.failures().isEmpty() ? List.of(report.note()) : report.failures()));
        }
        show(ctx, report.sent() == 1 ? 200 : 502, notice);
    }

    /** {@code GET …/send}: the confirmation step of send now (admins only). */
    void confirm(Context ctx) {
        if (console.refusedUnlessAdmin(ctx)) {
            return;
        }
        LocalDate date = WebVersionPages.date(ctx.pathParam("date"));
        Edition edition = editions.plan(date);
        Map<String, Object> model = console.model(ctx, "editions");
        model.put("date", date.toString());
        model.put("articles", edition.articles().size());
        model.put("frozen", edition.id() != 0);
        model.put("counts", edition.id() == 0 ? Map.of() : ledger.counts(edition.id()));
        console.show(ctx, 200, "admin-send-confirm", model);
    }

    /** {@code POST …/send} (admins only): starts the send in the background and shows its progress. */
    void send(Context ctx) {
        startAndFollow(ctx);
    }

    /** {@code POST …/retry} (admins only): a new run of the same send, which takes the failed rows again at once. */
    void retry(Context ctx) {
        if (console.refusedUnlessAdmin(ctx)) {
            return;
        }
        ledger.retryNow(WebVersionPages.date(ctx.pathParam("date")));
        startAndFollow(ctx);
    }

    /** {@code GET …/progress}: the live progress page (its script polls {@link #progress}). */
    void progressPage(Context ctx) {
        LocalDate date = WebVersionPages.date(ctx.pathParam("date"));
        Map<String, Object> model = console.model(ctx, "editions");
        model.put("date", date.toString());
        model.put("progress", sendJobs.progress(date).orElse(null));
        console.show(ctx, 200, "admin-send-progress", model);
    }

    /** {@code GET …/progress.json}: the running counts of the send started here for that date. */
    void progress(Context ctx) throws JsonProcessingException {
        LocalDate date = WebVersionPages.date(ctx.pathParam("date"));
        Optional<SendJobs.Snapshot> snapshot = sendJobs.progress(date);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", snapshot.isPresent());
        snapshot.ifPresent(s -> {
            json.put("percent", s.percent());
            json.put("total", s.total());
            json.put("done", s.done());
            json.put("due", s.due());
            json.put("sent", s.sent());
            json.put("failed", s.failed());
            json.put("rejected", s.rejected());
            json.put("skipped", s.skipped());
            json.put("finished", s.finished());
            json.put("note", s.note());
            json.put("error", s.error());
        });
        ctx.status(snapshot.isPresent() ? 200 : 404).contentType("application/json; charset=utf-8")
                .result(JSON.writeValueAsString(json));
    }

    private void startAndFollow(Context ctx) {
        if (console.refusedUnlessAdmin(ctx)) {
            return;
        }
        LocalDate date = WebVersionPages.date(ctx.pathParam("date"));
        sendJobs.start(date);
        ctx.redirect("/admin/editions/" + date + "/progress", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, Map<String, ?> notice) {
        LocalDate date = WebVersionPages.date(ctx.pathParam("date"));
        Edition edition = editions.plan(date);
        Map<String, Object> model = console.model(ctx, "editions");
        model.put("date", date.toString());
        model.put("previous", "/admin/editions/" + date.minusDays(1));
        model.put("next", "/admin/editions/" + date.plusDays(1));
        model.put("frozen", edition.id() != 0);
        model.put("articles", edition.articles().stream().map(ArticleLine::of).toList());
        model.put("cutoff", console.inZone(edition.cutoff()));
        model.put("zone", console.zone());
        preview(model, date, ctx.queryParam("subscriber"));
        deliveryLog(model, edition, ctx.queryParam("status"));
        model.put("running", sendJobs.progress(date).map(s -> !s.finished()).orElse(false));
        if (notice != null) {
            model.putAll(notice);
        }
        console.show(ctx, status, "admin-edition", model);
    }

    private void preview(Map<String, Object> model, LocalDate date, String asked) {
        String email = asked == null ? "" : asked.strip();
        Optional<Subscriber> subscriber = previewed(email);
        model.put("previewAs", email);
        model.put("previewUnknown", !email.isEmpty() && subscriber.isEmpty());
        model.put("previewSrc", "/admin/editions/" + date + "/preview"
                + (subscriber.isPresent() ? "?subscriber=" + URLEncoder.encode(subscriber.get().email(), StandardCharsets.UTF_8) : ""));
    }

    private void deliveryLog(Map<String, Object> model, Edition edition, String asked) {
        String status = asked != null && DeliveryLedger.STATUSES.contains(asked) ? asked : null;
        Map<String, Integer> counts = edition.id() == 0 ? Map.of() : ledger.counts(edition.id());
        model.put("statuses", DeliveryLedger.STATUSES);
        model.put("status", status == null ? "" : status);
        model.put("counts", counts);
        model.put("failedCount", counts.getOrDefault("failed", 0));
        List<LogLine> rows = edition.id() == 0 ? List.of() : ledger.firstRows(edition.date(), status, LOG_ROWS).stream()
                .map(r -> new LogLine(r.email(), r.status(), r.attempts(), r.reply(),
                        r.updatedAt() == null ? null : console.inZone(r.updatedAt().toInstant()), r.possibleDuplicate()))
                .toList();
        model.put("log", rows);
        model.put("logCapped", rows.size() == LOG_ROWS);
        model.put("logRows", LOG_ROWS);
    }

    private Optional<Subscriber> previewed(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return subscribers.byEmail(email.strip().toLowerCase(Locale.ROOT));
    }

    // Without a subscriber: the newsletter's language and every topic, as digest preview shows it.
    private static Subscriber sample() {
        return new Subscriber(0, "preview@example.org", null, null, Set.of(), null, Subscriber.Status.ACTIVE);
    }
}
