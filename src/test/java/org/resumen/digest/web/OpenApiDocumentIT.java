package org.resumen.digest.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** /api/v1/openapi.json, as served, documents every /api/v1 route of the route table, the bearer scheme and the problem. */
class OpenApiDocumentIT {
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dir;

    @Test
    void everyApiRouteIsInTheDocument() throws Exception {
        try (WebWorld world = new WebWorld(dir, greenMail)) {
            HttpResponse<String> served = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(world.server.url() + ApiAuth.OPENAPI)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            JsonNode document = new ObjectMapper().readTree(served.body());

            assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
            assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
            assertThat(document.at("/components/schemas/Problem/required").toString()).contains("type", "title", "status", "detail");
            List<String> apiRoutes = world.server.routes().stream().filter(route -> route.contains(" /api/v1/")).toList();
            assertThat(apiRoutes).hasSizeGreaterThanOrEqualTo(12);
            List<String> documented = new ArrayList<>();
            document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(Locale.ROOT) + " /api/v1" + path.getKey());
                }
            }));
            assertThat(documented).containsExactlyInAnyOrderElementsOf(apiRoutes);
        }
    }
}
