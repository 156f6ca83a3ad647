package org.resumen.digest.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out of the REST API: request bodies read strictly (an object, each field of the type
 * the API documents, a wrong one named in a 400 problem) and answers written with one Jackson mapper.
 */
final class ApiJson {
    static final String PROBLEM_TYPE = "application/problem+json";
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ApiJson() {
    }

    /** The request body as a JSON object; anything else is a 400 naming the body. */
    static ObjectNode body(Context ctx) {
        JsonNode node;
        try {
            node = MAPPER.readTree(ctx.body());
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "Malformed JSON", "body: not valid JSON (" + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")",
                    List.of(new ApiProblem.FieldError("body", "a JSON object")));
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.badField("body", "a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A string field; null when absent or null, a 400 when it is another type. */
    static String text(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiProblem.badField(field, "a string");
        }
        return value.asText();
    }

    /** A string field that must be there and not blank. */
    static String required(ObjectNode body, String field, String expected) {
        String value = text(body, field);
        if (value == null || value.isBlank()) {
            throw ApiProblem.badField(field, "required: " + expected);
        }
        return value;
    }

    /** An array of strings; empty when absent. */
    static List<String> texts(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (!value.isArray()) {
            throw ApiProblem.badField(field, "an array of strings");
        }
        for (JsonNode item : value) {
            if (!item.isTextual()) {
                throw ApiProblem.badField(field, "an array of strings");
            }
            texts.add(item.asText());
        }
        return texts;
    }

    /** An RFC 3339 instant ("2026-12-03T09:30:00Z"); null when absent. */
    static Instant instant(ObjectNode body, String field) {
        String value = text(body, field);
        if (value == null) {
            return null;
        }
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiProblem.badField(field, "a date and time with its offset, e.g. 2026-12-03T09:30:00-03:00");
        }
    }

    /** The {@code {date}} of the path, an ISO date. */
    static LocalDate date(Context ctx) {
        try {
            return LocalDate.parse(ctx.pathParam("date"));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badField("date", "a date as YYYY-MM-DD, e.g. 2026-12-03");
        }
    }

    /** Writes {@code value} as the JSON answer with {@code status}. */
    static void send(Context ctx, int status, Object value) {
        write(ctx, status, "application/json", value);
    }

    /** Writes {@code problem} as {@code application/problem+json} (RFC 9457). */
    static void problem(Context ctx, ApiProblem problem) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", problem.title);
        body.put("status", problem.status);
        body.put("detail", problem.getMessage());
        if (!problem.errors.isEmpty()) {
            body.set("errors", MAPPER.valueToTree(problem.errors.stream()
                    .map(e -> Map.of("field", e.field(), "expected", e.expected())).toList()));
        }
        if (problem.status == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"digest\"");
        }
        write(ctx, problem.status, PROBLEM_TYPE, body);
    }

    private static void write(Context ctx, int status, String type, Object value) {
        try {
            ctx.status(status).contentType(type + "; charset=utf-8").result(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getMessage(), e);
        }
    }
}
