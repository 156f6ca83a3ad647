package org.resumen.digest.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.SourceConfig;

class FeedSourceHttpIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);
    private static final String LATIN1_FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Ñires</title>"
            + "<link>https://ñires.example/</link><description>d</description><item><guid>n-1</guid>"
            + "<title>Peña y el añejo «acuerdo»</title><link>https://nires.example/n-1</link>"
            + "<description>Dijo «sí» en Los Ñires.</description></item></channel></rss>";
    private static final String RELATIVE_FEED = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
            + "<title>t</title><link>/</link><description>d</description><item><title>Quórum</title>"
            + "<link>notas/quorum?utm_source=rss</link><description>&lt;a href=\"../votacion\"&gt;Votación&lt;/a&gt;"
            + "</description></item></channel></rss>";

    private HttpServer server;
    private ExecutorService executor;
    private volatile String userAgent;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/latin1.xml", serve(LATIN1_FEED.getBytes(StandardCharsets.ISO_8859_1),
                "text/xml; charset=ISO-8859-1"));
        server.createContext("/rss/ultimas.xml", serve(RELATIVE_FEED.getBytes(StandardCharsets.UTF_8),
                "application/rss+xml"));
        server.createContext("/feed-viejo", exchange -> redirect(exchange, "/rss/ultimas.xml"));
        server.createContext("/enorme.xml", FeedSourceHttpIT::serveElevenMegabytes);
        server.createContext("/lento.xml", FeedSourceHttpIT::answerAfterThreeSeconds);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Test
    void aLatin1FeedServedWithItsCharsetInContentTypeDecodesRight() {
        FetchResult result = fetch("La Voz", url("/latin1.xml"));

        assertThat(result.articles()).singleElement().satisfies(article -> {
            assertThat(article.title()).isEqualTo("Peña y el añejo «acuerdo»");
            assertThat(article.summary()).isEqualTo("Dijo «sí» en Los Ñires.");
        });
        assertThat(userAgent).isEqualTo("digest/0.1");
    }

    @Test
    void aRedirectIsFollowedAndRelativeLinksResolveAgainstTheFinalFeedUrl() {
        FetchResult result = fetch("Diario", url("/feed-viejo"));

        assertThat(result.articles()).singleElement()
                .extracting(Article::url).isEqualTo(url("/rss/notas/quorum"));
    }

    @Test
    void aNotFoundFeedFailsTheSourceWithTheHttpStatus() {
        assertThatThrownBy(() -> fetch("Diario del Plata", url("/no-existe.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Diario del Plata\" (" + url("/no-existe.xml") + "): HTTP 404");
    }

    @Test
    void aServerThatIsNotListeningFailsTheSource() throws IOException {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = probe.getLocalPort();
        }
        String feed = "http://127.0.0.1:" + freePort + "/feed.xml";

        assertThatThrownBy(() -> fetch("Apagado", feed))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Apagado\" (" + feed + "): connection refused");
    }

    @Test
    void aBodyOverTenMegabytesFailsTheSource() {
        assertThatThrownBy(() -> fetch("Gigante", url("/enorme.xml")))
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Gigante\" (" + url("/enorme.xml") + "): larger than 10 MB; the limit is 10 MB");
    }

    @Test
    void aServerSlowerThanTheRequestTimeoutFailsTheSource() {
        FeedClient impatient = new FeedClient(Duration.ofSeconds(1), Duration.ofSeconds(1), 1024 * 1024);
        FeedSource source = new FeedSource("Lento", url("/lento.xml"),
                FeedLoader.http(URI.create(url("/lento.xml")), impatient), CLOCK);

        assertThatThrownBy(source::fetch)
                .isInstanceOf(SourceException.class)
                .hasMessage("source \"Lento\" (" + url("/lento.xml") + "): timed out after 1 s");
    }

    private FetchResult fetch(String name, String feed) {
        return Sources.from(List.of(new SourceConfig(name, feed, null)), CLOCK).get(0).fetch();
    }

    private String url(String path) {
        return "http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path;
    }

    private HttpHandler serve(byte[] body, String contentType) {
        return exchange -> {
            userAgent = exchange.getRequestHeaders().getFirst("User-Agent");
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(301, -1);
        exchange.close();
    }

    // Chunked, so only the running count can stop it: there is no Content-Length to check first.
    private static void serveElevenMegabytes(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        byte[] chunk = "<!-- relleno -->".repeat(4096).getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            for (long sent = 0; sent <= 11L * 1024 * 1024; sent += chunk.length) {
                out.write(chunk);
            }
        } catch (IOException clientGaveUp) {
            exchange.close();
        }
    }

    private static void answerAfterThreeSeconds(HttpExchange exchange) throws IOException {
        try {
            Thread.sleep(3000);
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }
}
