package org.resumen.digest.article;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Downloads feeds over http(s): with timeouts, redirects followed and a size cap. */
final class FeedClient {
    static final String USER_AGENT = "digest/0.1";
    private static final long MEGABYTE = 1024 * 1024;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final long maxBytes;

    FeedClient(Duration connectTimeout, Duration requestTimeout, long maxBytes) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
        this.connectTimeout = connectTimeout;
        this.maxBytes = maxBytes;
    }

    /** Connect timeout 10 s, whole request 30 s, at most 10 MB. */
    static FeedClient standard() {
        return new FeedClient(Duration.ofSeconds(10), Duration.ofSeconds(30), 10 * MEGABYTE);
    }

    /**
     * The feed's bytes, with the Content-Type, the final URI after redirects and the validators of this
     * version; when {@code previous} still names the current version (304), a document without bytes.
     */
    FeedDocument get(URI uri, Validators previous) throws FetchFailure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("User-Agent", USER_AGENT)
                .header("Accept", ACCEPT)
                .GET();
        if (previous.etag() != null) {
            request.header("If-None-Match", previous.etag());
        }
        if (previous.lastModified() != null) {
            request.header("If-Modified-Since", previous.lastModified());
        }
        HttpResponse<byte[]> response = send(request.build());
        if (response.statusCode() == 304 && previous.any()) {
            return FeedDocument.notModified(response.uri(), previous);
        }
        if (response.statusCode() / 100 != 2) {
            throw new FetchFailure("HTTP " + response.statusCode());
        }
        Validators validators = new Validators(response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
        return new FeedDocument(response.body(), response.headers().firstValue("Content-Type").orElse(null),
                response.uri(), validators);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws FetchFailure {
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, info -> info.statusCode() / 100 == 2
                ? new CappedBody(maxBytes)
                : BodySubscribers.replacing(new byte[0]));
        try {
            // The request timeout only covers the wait for the headers; this bounds the body as well.
            return call.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw timedOut(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailure("interrupted while downloading", e);
        } catch (ExecutionException e) {
            throw failure(request.uri(), e.getCause());
        }
    }

    private FetchFailure failure(URI uri, Throwable cause) {
        if (cause instanceof CappedBody.TooLarge) {
            return new FetchFailure("larger than " + sizeText(maxBytes) + "; the limit is " + sizeText(maxBytes), cause);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchFailure("could not connect within " + connectTimeout.toSeconds() + " s", cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return timedOut(cause);
        }
        if (isUnknownHost(cause)) {
            return new FetchFailure("host \"" + uri.getHost() + "\" could not be found (DNS lookup failed); "
                    + "check the feed's address", cause);
        }
        if (cause instanceof ConnectException) {
            return new FetchFailure("connection refused", cause);
        }
        return new FetchFailure("download failed: " + cause, cause);
    }

    // The JDK client reports an unknown host as a ConnectException caused by UnresolvedAddressException.
    private static boolean isUnknownHost(Throwable error) {
        for (Throwable e = error; e != null; e = e.getCause()) {
            if (e instanceof UnresolvedAddressException || e instanceof UnknownHostException) {
                return true;
            }
        }
        return false;
    }

    private FetchFailure timedOut(Throwable cause) {
        return new FetchFailure("timed out after " + requestTimeout.toSeconds() + " s", cause);
    }

    static String sizeText(long bytes) {
        return bytes % MEGABYTE == 0 ? bytes / MEGABYTE + " MB" : bytes + " bytes";
    }
}
