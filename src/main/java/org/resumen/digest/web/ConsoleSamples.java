package org.resumen.digest.web;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.resumen.digest.delivery.DeliveryLedger;
import org.resumen.digest.delivery.SendJobs;

/** A stand-in model for each console page, to render every one of them once at start-up. */
final class ConsoleSamples {
    static final List<String> PAGES = List.of("admin-dashboard", "admin-edition", "admin-send-confirm",
            "admin-send-progress", "admin-sources");

    private ConsoleSamples() {
    }

    static Map<String, Object> model(String page) {
        Map<String, Object> model = new HashMap<>();
        model.put("admin", "ana@example.org");
        model.put("role", "admin");
        model.put("mayManage", true);
        model.put("csrf", "sample");
        model.put("current", "editions");
        model.put("todayEdition", "/admin/editions/2025-12-16");
        model.put("date", "2025-12-16");
        model.put("zone", "America/Argentina/Buenos_Aires");
        model.put("nextAt", "2025-12-17 07:00");
        model.put("nextLink", "/admin/editions/2025-12-17");
        model.put("editions", List.of(new DashboardPage.EditionLine("2025-12-16", "/admin/editions/2025-12-16", 9, 120, 1, 2, 0, 0)));
        model.put("sources", List.of(new SourcePages.SourceLine("Redacción", "articles", "2025-12-16 07:00", "timeout",
                "2025-12-15 07:00", "2025-12-15 06:00", 3, true)));
        model.put("added", 3);
        model.put("failed", 0);
        model.put("previous", "/admin/editions/2025-12-15");
        model.put("next", "/admin/editions/2025-12-17");
        model.put("frozen", true);
        model.put("cutoff", "2025-12-16 07:00");
        model.put("articles", page.equals("admin-send-confirm") ? 3 : List.of(new EditionPages.ArticleLine("Título",
                "https://example.org/nota", "Redacción", "Política")));
        model.put("previewAs", "x@example.org");
        model.put("previewUnknown", true);
        model.put("previewSrc", "/admin/editions/2025-12-16/preview");
        model.put("testNotice", "web.console.test.sent");
        model.put("testError", "web.console.test.failed");
        model.put("testTo", "ana@example.org");
        model.put("testDetail", "550 no such mailbox");
        model.put("running", true);
        model.put("statuses", DeliveryLedger.STATUSES);
        model.put("status", "sent");
        model.put("counts", Map.of("sent", 120, "failed", 1));
        model.put("failedCount", 1);
        model.put("log", List.of(new EditionPages.LogLine("ana@example.org", "sent", 1, "250 OK", "2025-12-16 07:01", true)));
        model.put("logCapped", true);
        model.put("logRows", EditionPages.LOG_ROWS);
        model.put("progress", new SendJobs.Snapshot(LocalDate.of(2025, 12, 16), null, null, 10, 5, 4, 1, 0, 0, false, "", null, null));
        return model;
    }
}
