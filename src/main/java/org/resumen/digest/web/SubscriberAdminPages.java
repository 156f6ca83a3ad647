package org.resumen.digest.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.resumen.digest.admin.AdminSessions.Session;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberDirectory;
import org.resumen.digest.subscriber.SubscriberEdits;

/**
 * {@code /admin/subscribers} (admin role): a page of the list at a time with search, unsubscribe and
 * resubscribe buttons, a CSV upload checked as the subscriber files are (bad rows listed with their
 * line, good ones added), and the whole list as a CSV download.
 */
final class SubscriberAdminPages {
    static final int PAGE = 50;

    private final SubscriberDirectory directory;
    private final SubscriberEdits edits;
    private final Path folder;
    private final AdminOnly access;
    private final Clock clock;

    SubscriberAdminPages(SubscriberDirectory directory, SubscriberEdits edits, Path folder, AdminOnly access, Clock clock) {
        this.directory = directory;
        this.edits = edits;
        this.folder = folder;
        this.access = access;
        this.clock = clock;
    }

    /** One row of the table, as shown. */
    record Line(String email, String name, String status, boolean active, String language, String topics, String origin) {
        /** Bounced or complained: no mail until an admin lifts it (the resubscribe button does). */
        public boolean stopped() {
            return status.equals("bounced") || status.equals("complained");
        }
    }

    void list(Context ctx) {
        Session session = access.session(ctx);
        if (session != null) {
            show(ctx, session, 200, Map.of());
        }
    }

    void unsubscribe(Context ctx) {
        if (access.session(ctx) != null) {
            edits.unsubscribe(ctx.formParam("email"));
            backToList(ctx);
        }
    }

    void resubscribe(Context ctx) {
        if (access.session(ctx) != null) {
            edits.resubscribe(ctx.formParam("email"));
            backToList(ctx);
        }
    }

    void upload(Context ctx) {
        Session session = access.session(ctx);
        if (session == null) {
            return;
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            show(ctx, session, 400, Map.of("uploadErrorKey", "web.manage.subscribers.upload.none"));
            return;
        }
        SubscriberEdits.Upload upload = edits.upload(folder, file.filename(), file.contentAndClose(in -> {
            try {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        show(ctx, session, upload.savedAs() == null ? 400 : 200, Map.of(
                "uploadProblems", upload.checked().problems(),
                "uploadRows", upload.checked().rows().size(),
                "uploadAdded", upload.changes().added(),
                "uploadUpdated", upload.changes().updated(),
                "uploadSaved", upload.savedAs() == null ? "" : upload.savedAs().getFileName().toString()));
    }

    /** The whole list as a subscriber file (UTF-8 with a byte order mark, so spreadsheets read the accents). */
    void export(Context ctx) {
        if (access.session(ctx) == null) {
            return;
        }
        String name = "subscribers-" + LocalDate.now(clock) + ".csv";
        ctx.contentType("text/csv; charset=utf-8").header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        try (Writer out = new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8)) {
            out.write('\uFEFF');
            directory.export(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void show(Context ctx, Session session, int status, Map<String, Object> extra) {
        String query = query(ctx);
        int offset = offset(ctx);
        SubscriberDirectory.Page page = directory.search(query, offset, PAGE);
        Map<String, Object> model = access.model(ctx, "subscribers");
        model.putAll(extra);
        model.put("q", query);
        model.put("offset", offset);
        model.put("lines", page.rows().stream().map(SubscriberAdminPages::line).toList());
        model.put("from", page.rows().isEmpty() ? 0 : offset + 1);
        model.put("to", offset + page.rows().size());
        model.put("previous", offset > 0 ? listUrl(query, Math.max(0, offset - PAGE)) : null);
        model.put("next", page.more() ? listUrl(query, offset + PAGE) : null);
        access.show(ctx, status, "admin-subscribers", model);
    }

    // Back to the page the button was on, rebuilt from its search and offset: never a URL the request names.
    private static void backToList(Context ctx) {
        ctx.redirect(listUrl(query(ctx), offset(ctx)), HttpStatus.SEE_OTHER);
    }

    private static String listUrl(String query, int offset) {
        StringBuilder url = new StringBuilder("/admin/subscribers?offset=").append(offset);
        if (!query.isEmpty()) {
            url.append("&q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    private static String query(Context ctx) {
        String q = ctx.method().name().equals("POST") ? ctx.formParam("q") : ctx.queryParam("q");
        return q == null ? "" : q.strip().substring(0, Math.min(q.strip().length(), 100));
    }

    private static int offset(Context ctx) {
        String value = ctx.method().name().equals("POST") ? ctx.formParam("offset") : ctx.queryParam("offset");
        try {
            return value == null ? 0 : Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Line line(SubscriberDirectory.Listed listed) {
        Subscriber s = listed.subscriber();
        return new Line(s.email(), s.name(), s.status().name().toLowerCase(Locale.ROOT), s.active(),
                s.locale() == null ? "—" : s.locale().toLanguageTag(),
                s.topics().isEmpty() ? "" : String.join(", ", new TreeSet<>(s.topics())),
                listed.origin().name().toLowerCase(Locale.ROOT));
    }
}
