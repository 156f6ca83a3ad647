package org.resumen.digest.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

/**
 * Headers on every response, and the cap on request bodies. Subscriber pages carry no script, so the
 * policy allows none (the console allows its own script files); tokens travel in URLs, so no Referer ever leaves a page.
 */
final class SecurityHeaders {
    /** The largest request body accepted: the biggest form (preferences) is a few KB. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** The console's subscriber CSV upload may be larger: 5 MB holds some 100,000 rows. */
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
    static final String UPLOAD_PATH = "/admin/subscribers/upload";
    static final String CSP = "Content-Security-Policy";
    static final String PAGE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'; base-uri 'none'";
    /**
     * The console's pages: as {@link #PAGE_POLICY}, plus our own script file (live progress, polling
     * this server) and same-origin frames (the preview).
     */
    static final String CONSOLE_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; script-src 'self';"
            + " connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    /** The console's preview of a digest: the digest's policy, but framed by the console's own pages (and only them). */
    static final String PREVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https:;"
            + " form-action 'none'; frame-ancestors 'self'; base-uri 'none'";
    /** A rendered digest: its own inline styles, https images of the sources, no forms, no script. */
    static final String DIGEST_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src https:;"
            + " form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private SecurityHeaders() {
    }

    static void apply(Context ctx) {
        ctx.header(CSP, PAGE_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
        int cap = ctx.path().equals(UPLOAD_PATH) ? MAX_UPLOAD_BYTES : MAX_BODY_BYTES;
        if (ctx.contentLength() > cap) {
            String detail = "request body larger than " + cap + " bytes";
            if (ctx.path().startsWith("/api/")) {
                ApiJson.problem(ctx, new ApiProblem(HttpStatus.CONTENT_TOO_LARGE.getCode(), "Content Too Large", detail));
            } else {
                ctx.status(HttpStatus.CONTENT_TOO_LARGE).result(detail);
            }
            ctx.skipRemainingHandlers();
        }
    }
}
