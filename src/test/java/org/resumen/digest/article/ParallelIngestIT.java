package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;

/**
 * Issue 5 item 4: each slow feed waited its whole timeout one after another (two trickling feeds:
 * 69.8 s before the first mail). Now sources are read in parallel, the ingest has a deadline, and an
 * unchanged feed answers 304 to a conditional GET and costs nothing. A real HTTP server on loopback.
 */
class ParallelIngestIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);
    private static final String ETAG = "\"v1-diario\"";
    private static final String LAST_MODIFIED = "Tue, 16 Dec 2025 09:00:00 GMT";

    private HttpServer server;
    private ExecutorService executor;
    private Database database;
    private ArticleStore store;
    private final CountDownLatch bothSlowFeedsAsked = new CountDownLatch(2);
    private final AtomicBoolean slowFeedsOverlapped = new AtomicBoolean();
    private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:parallel-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new ArticleStore(database.dataSource());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/lento-1.xml", this::trickle);
        server.createContext("/lento-2.xml", this::trickle);
        server.createContext("/diario.xml", this::conditional);
        server.createContext("/sin-validadores.xml", exchange -> send(exchange, 200, feed("Sin validadores", "sv"), Map.of()));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        executor.shutdownNow();
        database.close();
    }

    @Test
    void twoTricklingFeedsAreReadAtTheSameTimeAndEachFailsOnItsOwnTimeoutWhileTheGoodFeedArrives() {
        Ingester ingester = ingester(Duration.ofSeconds(1), Duration.ofSeconds(30), "/lento-1.xml", "/lento-2.xml",
                "/diario.xml");

        IngestReport report = ingester.ingestAll();

        assertThat(slowFeedsOverlapped).as("the second slow feed was asked while the first was still trickling").isTrue();
        assertThat(report.outcomes()).extracting(SourceOutcome::source, SourceOutcome::error).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/lento-1.xml", "source \"/lento-1.xml\" (" + url("/lento-1.xml")
                        + "): timed out after 1 s"),
                org.assertj.core.groups.Tuple.tuple("/lento-2.xml", "source \"/lento-2.xml\" (" + url("/lento-2.xml")
                        + "): timed out after 1 s"),
                org.assertj.core.groups.Tuple.tuple("/diario.xml", null));
        assertThat(report.added()).isEqualTo(1);
    }

    @Test
    void aSourceStillRunningAtTheIngestDeadlineIsReportedAndTheOthersAreKept() {
        Ingester ingester = ingester(Duration.ofSeconds(30), Duration.ofSeconds(1), "/lento-1.xml", "/diario.xml");

        IngestReport report = ingester.ingestAll();

        assertThat(report.outcomes().get(0).error()).isEqualTo("source \"/lento-1.xml\" (" + url("/lento-1.xml")
                + "): not finished within 1 s, the deadline of one ingest; skipped this time");
        assertThat(report.outcomes().get(1).failed()).isFalse();
        assertThat(report.added()).isEqualTo(1);
    }

    @Test
    void anUnchangedFeedIsAskedWithItsValidatorsAndA304CostsNothingAndIsNoError() {
        Ingester ingester = ingester(Duration.ofSeconds(5), Duration.ofSeconds(30), "/diario.xml", "/sin-validadores.xml");
        IngestReport first = ingester.ingestAll();

        IngestReport second = ingester.ingestAll();

        assertThat(first.added()).isEqualTo(2);
        assertThat(conditionalHeaders).containsExactly("none", "If-None-Match=" + ETAG + " If-Modified-Since=" + LAST_MODIFIED);
        assertThat(statuses).containsEntry("/diario.xml", 304);
        assertThat(second.ok()).isTrue();
        assertThat(second.outcomes()).allSatisfy(o -> assertThat(o.problems()).isEmpty());
        assertThat(second.outcomes()).extracting(SourceOutcome::source, SourceOutcome::fetched).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/diario.xml", 0),
                org.assertj.core.groups.Tuple.tuple("/sin-validadores.xml", 1));
    }

    private Ingester ingester(Duration requestTimeout, Duration deadline, String... paths) {
        FeedClient client = new FeedClient(Duration.ofSeconds(5), requestTimeout, 1024 * 1024);
        List<ArticleSource> sources = java.util.Arrays.stream(paths)
                .<ArticleSource>map(path -> new FeedSource(path, url(path), FeedLoader.http(URI.create(url(path)), client), CLOCK))
                .toList();
        return new Ingester(sources, store, CLOCK, deadline);
    }

    /** Headers at once, then one byte every 200 ms for ten seconds: never done within the timeout. */
    private void trickle(HttpExchange exchange) throws IOException {
        bothSlowFeedsAsked.countDown();
        try (exchange) {
            exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write("<?xml version=\"1.0\"?>".getBytes(StandardCharsets.UTF_8));
            body.flush();
            if (bothSlowFeedsAsked.await(10, TimeUnit.SECONDS)) {
                slowFeedsOverlapped.set(true);
            }
            for (int i = 0; i < 50; i++) {
                body.write(' ');
                body.flush();
                Thread.sleep(200);
            }
        } catch (InterruptedException | IOException e) {
            // the client gave up, as it should
        }
    }

    private void conditional(HttpExchange exchange) throws IOException {
        String etag = exchange.getRequestHeaders().getFirst("If-None-Match");
        String since = exchange.getRequestHeaders().getFirst("If-Modified-Since");
        conditionalHeaders.add(etag == null && since == null ? "none" : "If-None-Match=" + etag + " If-Modified-Since=" + since);
        if (ETAG.equals(etag)) {
            statuses.put("/diario.xml", 304);
            exchange.sendResponseHeaders(304, -1);
            exchange.close();
            return;
        }
        statuses.put("/diario.xml", 200);
        send(exchange, 200, feed("Diario", "d-1"), Map.of("ETag", ETAG, "Last-Modified", LAST_MODIFIED));
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=UTF-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String feed(String title, String guid) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>" + title + "</title>"
                + "<item><guid>" + guid + "</guid><title>Titular de " + title + "</title>"
                + "<link>https://diario.example/" + guid + "</link></item></channel></rss>";
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }
}
