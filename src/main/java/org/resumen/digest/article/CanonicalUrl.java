package org.resumen.digest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The one spelling of an article's URL: absolute, host in lower case, no utm_* parameters, no fragment. */
final class CanonicalUrl {
    private CanonicalUrl() {
    }

    /**
     * Resolves {@code link} against {@code base} (may be null) and canonicalises it.
     *
     * @throws IllegalArgumentException with a reader-facing reason when the link is not a usable URL
     */
    static String of(String link, URI base) {
        URI uri = resolve(link.strip().replace(" ", "%20"), base);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("\"" + link + "\" is not an absolute URL; expected one like https://example.org/nota");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder url = new StringBuilder(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            url.append(uri.getRawUserInfo()).append('@');
        }
        url.append(uri.getHost().toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1 && !isDefaultPort(scheme, uri.getPort())) {
            url.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        url.append(path == null || path.isEmpty() ? "/" : path);
        String query = withoutTracking(uri.getRawQuery());
        if (!query.isEmpty()) {
            url.append('?').append(query);
        }
        return url.toString();
    }

    private static URI resolve(String link, URI base) {
        try {
            URI uri = new URI(link);
            return base == null || uri.isAbsolute() ? uri : base.resolve(uri);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("\"" + link + "\" is not a valid URL (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isDefaultPort(String scheme, int port) {
        return scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    }

    private static String withoutTracking(String rawQuery) {
        if (rawQuery == null) {
            return "";
        }
        return Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("utm_"))
                .collect(Collectors.joining("&"));
    }
}
