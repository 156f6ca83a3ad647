package org.resumen.digest.web;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.edition.Edition;
import org.resumen.digest.edition.Editions;

/**
 * {@code GET /admin}: the next scheduled edition (in the newsletter's zone), the last editions with
 * their delivery counts, and each source's health.
 */
final class DashboardPage {
    /** How many of the latest editions the dashboard lists. */
    static final int EDITIONS = 7;

    private final Console console;
    private final Editions editions;
    private final DeliveryLedger ledger;
    private final SourcePages sources;
    private final Clock clock;

    DashboardPage(Console console, Editions editions, DeliveryLedger ledger, SourcePages sources, Clock clock) {
        this.console = console;
        this.editions = editions;
        this.ledger = ledger;
        this.sources = sources;
        this.clock = clock;
    }

    /** One edition's line: its date, size, and deliveries by outcome (pending counts rows being sent too). */
    record EditionLine(String date, String link, int articles, int sent, int failed, int rejected, int skipped, int pending) {
        static EditionLine of(Edition edition, Map<String, Integer> counts) {
            return new EditionLine(edition.date().toString(), "/admin/editions/" + edition.date(), edition.articles().size(),
                    counts.getOrDefault("sent", 0), counts.getOrDefault("failed", 0), counts.getOrDefault("rejected", 0),
                    counts.getOrDefault("skipped", 0), counts.getOrDefault("pending", 0) + counts.getOrDefault("sending", 0));
        }
    }

    void show(Context ctx) {
        Map<String, Object> model = console.model(ctx, "dashboard");
        Instant next = editions.nextScheduled();
        model.put("nextAt", next == null ? null : console.inZone(next));
        model.put("nextLink", next == null ? null : "/admin/editions/" + editions.dateOf(next));
        model.put("zone", console.zone());
        model.put("editions", lastEditions());
        model.put("sources", sources.statuses(clock.instant().minus(Duration.ofDays(1))));
        console.show(ctx, 200, "admin-dashboard", model);
    }

    private List<EditionLine> lastEditions() {
        List<LocalDate> dates = new ArrayList<>(editions.dates());
        Collections.sort(dates, Collections.reverseOrder());
        List<EditionLine> lines = new ArrayList<>();
        for (LocalDate date : dates.subList(0, Math.min(EDITIONS, dates.size()))) {
            editions.find(date).ifPresent(edition -> lines.add(EditionLine.of(edition, ledger.counts(edition.id()))));
        }
        return lines;
    }
}
