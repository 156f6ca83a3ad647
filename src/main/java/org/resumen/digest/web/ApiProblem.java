package org.resumen.digest.web;

import java.util.List;

/**
 * An API request refused or failed, answered as {@code application/problem+json} (RFC 9457) by
 * {@link ApiJson#problem}: {@code status} and {@code title} as the RFC has them, {@code detail} saying
 * what to do, and {@code errors} naming each wrong field and what was expected (an extension member).
 */
final class ApiProblem extends RuntimeException {
    /** One wrong field of the request: its JSON name (or query parameter) and what it should have been. */
    record FieldError(String field, String expected) {
    }

    final int status;
    final String title;
    final List<FieldError> errors;

    ApiProblem(int status, String title, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    /** 400: {@code field} is missing or wrong; {@code expected} says what it should be. */
    static ApiProblem badField(String field, String expected) {
        return new ApiProblem(400, "Invalid request", field + ": " + expected, List.of(new FieldError(field, expected)));
    }

    static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail);
    }
}
