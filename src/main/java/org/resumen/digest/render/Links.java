package org.resumen.digest.render;

/** A subscriber's personal absolute URLs, built from {@code newsletter.base-url} and a signed token. */
public record Links(String unsubscribe, String webVersion, String preferences) {
}
