package org.resumen.digest.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.resumen.digest.subscriber.InvalidField;
import org.resumen.digest.subscriber.Subscriber;
import org.resumen.digest.subscriber.SubscriberDirectory;
import org.resumen.digest.subscriber.SubscriberEdits;
import org.resumen.digest.subscriber.SubscriberRow;

/**
 * {@code /api/v1/subscribers}: list and search a page, add, read, replace and unsubscribe one.
 * Subscribers added or changed here have origin {@code api} (the file sync never removes them);
 * values are checked as a row of a subscriber file is, and a wrong one is a 400 naming its field.
 */
final class ApiSubscribers {
    private final SubscriberDirectory directory;
    private final SubscriberEdits edits;

    ApiSubscribers(SubscriberDirectory directory, SubscriberEdits edits) {
        this.directory = directory;
        this.edits = edits;
    }

    void list(Context ctx) {
        int offset = number(ctx, "offset", 0);
        int limit = number(ctx, "limit", 50);
        SubscriberDirectory.Page page = directory.search(ctx.queryParam("q"), offset, limit);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("offset", page.offset());
        json.put("limit", page.size());
        json.put("more", page.more());
        json.put("subscribers", page.rows().stream().map(ApiSubscribers::json).toList());
        ApiJson.send(ctx, 200, json);
    }

    void create(Context ctx) {
        SubscriberRow row = row(ApiJson.body(ctx), null);
        if (!edits.add(row)) {
            throw new ApiProblem(409, "Conflict", "email: " + row.email() + " is already a subscriber; change it with PUT /api/v1/subscribers/"
                    + row.email(), List.of(new ApiProblem.FieldError("email", "an address not on the list yet")));
        }
        ctx.header("Location", "/api/v1/subscribers/" + row.email());
        ApiJson.send(ctx, 201, json(found(row.email())));
    }

    void show(Context ctx) {
        ApiJson.send(ctx, 200, json(found(ctx.pathParam("email"))));
    }

    void replace(Context ctx) {
        String email = ctx.pathParam("email");
        SubscriberRow row = row(ApiJson.body(ctx), email);
        if (!edits.replace(row)) {
            throw ApiProblem.notFound("no subscriber " + row.email() + "; add one with POST /api/v1/subscribers");
        }
        ApiJson.send(ctx, 200, json(found(row.email())));
    }

    /** Unsubscribes (the row stays, for the delivery log): 204, also when already unsubscribed. */
    void unsubscribe(Context ctx) {
        String email = found(ctx.pathParam("email")).subscriber().email();
        edits.unsubscribe(email);
        ctx.status(204);
    }

    private SubscriberDirectory.Listed found(String email) {
        return directory.byEmail(email).orElseThrow(() -> ApiProblem.notFound("no subscriber " + email.trim().toLowerCase(Locale.ROOT)));
    }

    // The JSON fields, checked as the columns of a subscriber file; a PUT's address is the path's.
    private static SubscriberRow row(ObjectNode body, String pathEmail) {
        Map<String, String> fields = new HashMap<>();
        fields.put("email", pathEmail != null ? pathEmail : ApiJson.required(body, "email", "an address, name@domain"));
        fields.put("name", ApiJson.text(body, "name"));
        fields.put("locale", ApiJson.text(body, "locale"));
        fields.put("timezone", ApiJson.text(body, "timezone"));
        fields.put("topics", String.join(";", ApiJson.texts(body, "topics")));
        try {
            return SubscriberEdits.check("api", fields);
        } catch (InvalidField invalid) {
            throw ApiProblem.badField(invalid.field(), invalid.expected());
        }
    }

    private static int number(Context ctx, String parameter, int otherwise) {
        String value = ctx.queryParam(parameter);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the same problem as a negative number, below
        }
        throw ApiProblem.badField(parameter, "a whole number, 0 or more");
    }

    static Map<String, Object> json(SubscriberDirectory.Listed listed) {
        Subscriber s = listed.subscriber();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("email", s.email());
        json.put("name", s.name());
        json.put("locale", s.locale() == null ? null : s.locale().toLanguageTag());
        json.put("topics", new TreeSet<>(s.topics()));
        json.put("timezone", s.timezone() == null ? null : s.timezone().getId());
        json.put("status", s.status().name().toLowerCase(Locale.ROOT));
        json.put("origin", listed.origin().name().toLowerCase(Locale.ROOT));
        return json;
    }
}
