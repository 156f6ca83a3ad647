package org.resumen.digest.web;

import io.javalin.http.Context;
import org.resumen.digest.admin.ApiTokens;

/**
 * Before every {@code /api/v1} route but the OpenAPI document: a working bearer token
 * ({@code Authorization: Bearer TOKEN}, RFC 6750) or a 401 problem. The token is looked up by its
 * hash ({@link ApiTokens#authenticate}), never compared character by character.
 */
final class ApiAuth {
    static final String OPENAPI = "/api/v1/openapi.json";
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;

    ApiAuth(ApiTokens tokens) {
        this.tokens = tokens;
    }

    void guard(Context ctx) {
        if (ctx.path().equals(OPENAPI)) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new ApiProblem(401, "Unauthorized", "Authorization: expected \"Bearer TOKEN\", a token made with"
                    + " `digest admin token NAME` or on the console's API tokens page");
        }
        if (tokens.authenticate(header.substring(BEARER.length()).trim()).isEmpty()) {
            throw new ApiProblem(401, "Unauthorized", "Authorization: the bearer token is unknown or revoked");
        }
    }
}
