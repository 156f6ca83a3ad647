package org.resumen.digest.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stand-in model for each admin-only page (subscribers, admins, API tokens), to render them once at start-up. */
final class ManageSamples {
    static final List<String> PAGES = List.of("admin-subscribers", "admin-admins", "admin-tokens");

    private ManageSamples() {
    }

    static Map<String, Object> model(String page) {
        Map<String, Object> model = new HashMap<>();
        model.put("admin", "ana@example.org");
        model.put("role", "admin");
        model.put("mayManage", true);
        model.put("current", "subscribers");
        model.put("todayEdition", "/admin/editions/2025-12-16");
        model.put("csrf", "sample");
        model.put("q", "núñez");
        model.put("offset", 0);
        model.put("from", 1);
        model.put("to", 1);
        model.put("previous", "/admin/subscribers?offset=0");
        model.put("next", "/admin/subscribers?offset=100");
        model.put("lines", List.of(new SubscriberAdminPages.Line("ana@example.org", "Ana Núñez", "unsubscribed", false, "es-AR",
                "Economía", "file")));
        model.put("uploadErrorKey", "web.manage.subscribers.upload.none");
        model.put("uploadProblems", List.of("nuevos.csv:3: invalid address"));
        model.put("uploadRows", 2);
        model.put("uploadAdded", 2);
        model.put("uploadUpdated", 0);
        model.put("uploadSaved", "nuevos.csv");
        model.put("notice", "beto@example.org");
        model.put("problem", "admin ana@example.org is you");
        model.put("problemKey", "web.refused.admin.self");
        model.put("problemArgs", new Object[] {"ana@example.org"});
        model.put("email", "beto@example.org");
        model.put("accounts", List.of(new AdminAccountPages.AccountLine("ana@example.org", "admin", true),
                new AdminAccountPages.AccountLine("beto@example.org", "editor", false)));
        model.put("created", "sample-token");
        model.put("createdName", "cms");
        model.put("tokens", List.of(new AdminAccountPages.TokenLine(1, "cms", "3 dic 2026 09:00", null),
                new AdminAccountPages.TokenLine(2, "viejo", "1 dic 2026 09:00", "2 dic 2026 10:00")));
        return model;
    }
}
