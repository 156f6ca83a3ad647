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
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.admin.ApiTokens;
import org.resumen.digest.subscriber.Subscriber;

/** The REST API over real HTTP with a bearer token: push, subscribers, editions and send, and its problems. */
class ApiHttpIT {

    /** Where the database is: H2 as the config says; {@code OnPostgresIT} subclasses run every test on PostgreSQL. */
    Map<String, String> environment() {
        return Map.of();
    }
    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String PUSHED = "Paro de transporte: «no hay colectivos» desde el lunes — qué líneas funcionan…";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private WebWorld world;
    private ApiTokens tokens;
    private String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeEach
    void start() {
        world = new WebWorld(dir, greenMail, environment());
        tokens = new ApiTokens(world.app.database.dataSource(), world.app.clock);
        token = tokens.create("cms de la redacción").token();
    }

    @AfterEach
    void stop() {
        world.close();
    }

    @Test
    void aPushedArticleIsInTheNextEditionSentThroughTheApi() throws Exception {
        HttpResponse<String> pushed = call("POST", "/api/v1/articles", """
                {"title": "%s", "url": "https://diario.example.com/paro?utm_source=x", "section": "Economía",
                 "summary": "<p>Las líneas <b>60</b> y 152 no circulan.</p><script>alert(1)</script>",
                 "published": "2025-12-16T21:30:00-03:00", "tags": ["transporte"]}
                """.formatted(PUSHED), token);
        assertThat(pushed.statusCode()).isEqualTo(201);
        assertThat(json(pushed).get("summary").asText()).isEqualTo("Las líneas 60 y 152 no circulan.");
        HttpResponse<String> again = call("POST", "/api/v1/articles", """
                {"title": "%s", "url": "https://diario.example.com/paro"}""".formatted(PUSHED), token);
        assertThat(json(again).get("added").asBoolean()).as("same URL: a duplicate").isFalse();

        world.later(Duration.ofDays(1));
        HttpResponse<String> started = call("POST", "/api/v1/editions/2025-12-17/send", null, token);
        assertThat(started.statusCode()).isEqualTo(202);
        JsonNode progress = json(started);
        for (int polls = 0; polls < 200 && !progress.get("finished").asBoolean(); polls++) {
            Thread.sleep(100);
            progress = json(call("GET", "/api/v1/editions/2025-12-17/send", null, token));
        }
        assertThat(progress.get("percent").asInt()).isEqualTo(100);
        assertThat(progress.get("sent").asInt()).isEqualTo(2);
        world.awaitMessages(2);
        assertThat(world.latestHtml(WebWorld.ANA)).contains("Paro de transporte: «no hay colectivos» desde el lunes").doesNotContain("alert(1)");

        JsonNode edition = json(call("GET", "/api/v1/editions/2025-12-17", null, token));
        assertThat(edition.get("stored").asBoolean()).isTrue();
        assertThat(edition.get("articles").findValuesAsText("title")).contains(PUSHED);
        assertThat(edition.get("counts").get("sent").asInt()).isEqualTo(2);
        JsonNode sent = json(call("GET", "/api/v1/editions/2025-12-17/deliveries?status=sent", null, token));
        assertThat(sent.get("deliveries").findValuesAsText("email")).containsExactlyInAnyOrder(WebWorld.ANA, WebWorld.BETO);
        assertThat(json(call("GET", "/api/v1/editions", null, token)).get("editions").findValuesAsText("date")).contains("2025-12-17");
    }

    @Test
    void badJsonAndAMissingOrWrongFieldAreProblemsNamingTheField() throws Exception {
        HttpResponse<String> broken = call("POST", "/api/v1/articles", "{\"title\": \"Sin cerrar", token);
        assertProblem(broken, 400, "body");

        HttpResponse<String> noTitle = call("POST", "/api/v1/articles", "{\"url\": \"https://diario.example.com/x\"}", token);
        assertProblem(noTitle, 400, "title");
        assertThat(json(noTitle).get("errors").get(0).get("expected").asText()).contains("headline");

        HttpResponse<String> noUrl = call("POST", "/api/v1/articles", "{\"title\": \"Sin dirección\"}", token);
        assertProblem(noUrl, 400, "url");
        assertThat(world.app.editions.plan(WebWorld.FIRST).articles()).noneMatch(a -> a.title().equals("Sin dirección"));
        assertProblem(call("POST", "/api/v1/articles",
                "{\"title\": \"Hola\", \"url\": \"https://diario.example.com/hola\", \"tags\": \"uno\"}", token), 400, "tags");
        assertProblem(call("POST", "/api/v1/subscribers", "{\"email\": \"ana@@example.org\"}", token), 400, "email");
        HttpResponse<String> locale = call("POST", "/api/v1/subscribers", "{\"email\": \"caro@example.org\", \"locale\": \"fr\"}", token);
        assertProblem(locale, 400, "locale");
        assertThat(json(locale).get("detail").asText()).contains("expected es or en");
        assertProblem(call("GET", "/api/v1/editions/17-12-2025", null, token), 400, "date");
        assertProblem(call("GET", "/api/v1/editions/2025-12-16/deliveries?status=lost", null, token), 400, "status");
    }

    @Test
    void noTokenAWrongOneOrARevokedOneIs401() throws Exception {
        assertProblem(call("GET", "/api/v1/subscribers", null, null), 401, null);
        assertProblem(call("GET", "/api/v1/subscribers", null, token + "x"), 401, null);
        HttpResponse<String> wrong = call("POST", "/api/v1/articles", "{\"title\": \"Intruso\"}", "AAAA");
        assertProblem(wrong, 401, null);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"digest\"");
        assertThat(world.app.editions.plan(WebWorld.FIRST).articles()).noneMatch(a -> a.title().equals("Intruso"));

        tokens.revoke(tokens.list().get(0).id());
        assertProblem(call("GET", "/api/v1/subscribers", null, token), 401, null);
        assertThat(call("GET", "/api/v1/openapi.json", null, null).statusCode()).as("the document is public").isEqualTo(200);
    }

    @Test
    void subscribersAreAddedReadChangedAndUnsubscribedAndTheFileSyncKeepsThem() throws Exception {
        HttpResponse<String> created = call("POST", "/api/v1/subscribers", """
                {"email": "Carla.Muniz@Example.org", "name": "Carla Muñiz", "locale": "es-AR", "topics": ["Economía"]}""", token);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("email").asText()).isEqualTo("carla.muniz@example.org");
        assertThat(json(created).get("origin").asText()).isEqualTo("api");
        assertProblem(call("POST", "/api/v1/subscribers", "{\"email\": \"carla.muniz@example.org\"}", token), 409, "email");

        JsonNode page = json(call("GET", "/api/v1/subscribers?q=Mu%C3%B1&limit=10", null, token));
        assertThat(page.get("subscribers").findValuesAsText("email")).containsExactly("carla.muniz@example.org");

        HttpResponse<String> changed = call("PUT", "/api/v1/subscribers/carla.muniz@example.org", """
                {"name": "Carla M.", "locale": "en", "topics": ["Deportes", "Política"], "timezone": "Europe/Madrid"}""", token);
        assertThat(changed.statusCode()).isEqualTo(200);
        JsonNode carla = json(call("GET", "/api/v1/subscribers/carla.muniz@example.org", null, token));
        assertThat(carla.get("name").asText()).isEqualTo("Carla M.");
        assertThat(carla.get("topics").toString()).isEqualTo("[\"Deportes\",\"Política\"]");
        assertThat(carla.get("timezone").asText()).isEqualTo("Europe/Madrid");

        world.app.subscribers.syncFolder(dir.resolve("subscribers"));
        assertThat(world.subscriber("carla.muniz@example.org").status()).as("not in any file, kept").isEqualTo(Subscriber.Status.ACTIVE);


        assertThat(call("DELETE", "/api/v1/subscribers/carla.muniz@example.org", null, token).statusCode()).isEqualTo(204);
        assertThat(world.subscriber("carla.muniz@example.org").status()).isEqualTo(Subscriber.Status.UNSUBSCRIBED);
        assertProblem(call("GET", "/api/v1/subscribers/nadie@example.org", null, token), 404, null);
        assertProblem(call("PUT", "/api/v1/subscribers/nadie@example.org", "{\"name\": \"Nadie\"}", token), 404, null);
    }

    private void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("errors").findValuesAsText("field")).containsExactly(field);
        }
    }

    private HttpResponse<String> call(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(world.server.url() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
