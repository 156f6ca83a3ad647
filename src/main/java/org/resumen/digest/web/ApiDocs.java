package org.resumen.digest.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /api/v1/openapi.json}: the hand-written OpenAPI 3.1 document, a resource of the jar. */
final class ApiDocs {
    static final String RESOURCE = "/api/openapi.json";

    private final byte[] document;

    ApiDocs() {
        try (InputStream in = ApiDocs.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the build");
            }
            this.document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void serve(Context ctx) {
        ctx.contentType("application/json; charset=utf-8").result(document);
    }
}
