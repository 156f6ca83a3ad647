package org.resumen.digest.config;

/** The HTTP server of {@code digest serve} ({@code web.*}); port 0 means no web server. */
public record WebConfig(int port, String bind) {
    public boolean enabled() {
        return port != 0;
    }
}
