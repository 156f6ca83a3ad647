package org.resumen.digest.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every configuration key with its built-in default and meaning: the one place defaults live.
 * The README's configuration table lists exactly these (a test keeps the two in step).
 */
public enum Key {
    NEWSLETTER_NAME("newsletter.name", "El Resumen", "shown in the subject and the header"),
    NEWSLETTER_FROM("newsletter.from", "El Resumen <resumen@example.org>", "From address with display name; its domain names the Message-ID"),
    NEWSLETTER_TIMEZONE("newsletter.timezone", "America/Argentina/Buenos_Aires", "time zone of the schedule, the edition date and article times"),
    NEWSLETTER_LOCALE("newsletter.locale", "es-AR", "language for subscribers without one (es or en)"),
    NEWSLETTER_SCHEDULE("newsletter.schedule", "0 0 7 * * ?", "Quartz cron expression, in newsletter.timezone"),
    NEWSLETTER_BASE_URL("newsletter.base-url", "http://localhost:8080", "base of unsubscribe, preferences and web-version links"),
    NEWSLETTER_MAX_ARTICLES("newsletter.max-articles", "20", "most articles one edition carries"),
    NEWSLETTER_MAX_AGE("newsletter.max-age", "36h", "oldest article an edition may carry (s, m, h, d, or ISO-8601 like PT36H)"),
    SOURCES("sources", "[{name: \"Diario del Plata\", feed: \"sources/diario-del-plata.xml\"}, {name: \"Redacción El Resumen\", directory: \"sources/redaccion\"}]",
            "list of sources, each with a name and either feed (http:, https:, file: URL or path) or directory"),
    SUBSCRIBERS("subscribers", "subscribers", "folder of subscriber *.csv files"),
    TEMPLATES("templates", "templates", "folder of the Thymeleaf templates and messages"),
    SMTP_HOST("smtp.host", "", "SMTP server; empty = embedded server (GreenMail), mail kept in outbox/"),
    SMTP_PORT("smtp.port", "25", "SMTP port"),
    SMTP_USERNAME("smtp.username", "", "SMTP login; empty = no authentication"),
    SMTP_PASSWORD("smtp.password", "", "SMTP password; set it through DIGEST_SMTP_PASSWORD"),
    SMTP_TLS("smtp.tls", "none", "none, starttls or ssl"),
    SMTP_CONNECTIONS("smtp.connections", "4", "parallel SMTP connections (1-64)"),
    SMTP_MAX_PER_SECOND("smtp.max-per-second", "0", "messages per second over all connections; 0 = unlimited"),
    DATABASE_URL("database.url", "jdbc:h2:file:./data/digest", "JDBC URL: jdbc:h2:… or jdbc:postgresql://host/db"),
    DATABASE_USERNAME("database.username", "", "database user"),
    DATABASE_PASSWORD("database.password", "", "database password; set it through DIGEST_DATABASE_PASSWORD"),
    SECRET("secret", "", "HMAC key for links (16+ characters); generated and kept in data/secret when empty");

    private final String path;
    private final String defaultValue;
    private final String meaning;

    Key(String path, String defaultValue, String meaning) {
        this.path = path;
        this.defaultValue = defaultValue;
        this.meaning = meaning;
    }

    public String path() {
        return path;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String meaning() {
        return meaning;
    }

    /** The environment variable that overrides this key: smtp.max-per-second -> DIGEST_SMTP_MAX_PER_SECOND. */
    public String environmentName() {
        return "DIGEST_" + path.toUpperCase().replace('.', '_').replace('-', '_');
    }

    public static Optional<Key> byPath(String path) {
        return Arrays.stream(values()).filter(k -> k.path.equals(path)).findFirst();
    }

    public static Optional<Key> byEnvironmentName(String name) {
        return Arrays.stream(values()).filter(k -> k.environmentName().equals(name)).findFirst();
    }
}
