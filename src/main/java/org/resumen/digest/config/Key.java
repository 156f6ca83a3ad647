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
    NEWSLETTER_SEND_DEADLINE("newsletter.send-deadline", "6h", "past the cutoff (or a row's own due time), deliveries still due become expired"),
    NEWSLETTER_DELIVERY("newsletter.delivery", "edition", "edition = everyone at the schedule; local = the schedule's hour in each subscriber's time zone"),
    NEWSLETTER_CLUSTER("newsletter.cluster", "true", "merge the same story from several sources into one entry (true or false)"),
    NEWSLETTER_IMAGES("newsletter.images", "true", "show the lead image of each section when its source has one, https only (true or false)"),
    NEWSLETTER_SOURCE_GRACE("newsletter.source-grace", "20m", "how long a failing source is retried at edition time"),
    NEWSLETTER_ALERTS("newsletter.alerts", "[]", "admin addresses for source and edition alerts (YAML list, or comma-separated in the environment); empty = log only"),
    SOURCES("sources", "[{name: \"Diario del Plata\", feed: \"sources/diario-del-plata.xml\"}, {name: \"Redacción El Resumen\", directory: \"sources/redaccion\"}, {name: \"Agencia Austral\", feed: \"sources/agencia-austral.xml\"}]",
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
    SMTP_HELO("smtp.helo", "", "EHLO name; empty = the domain of newsletter.from"),
    DATABASE_URL("database.url", "jdbc:h2:file:./data/digest", "JDBC URL: jdbc:h2:… or jdbc:postgresql://host/db"),
    DATABASE_USERNAME("database.username", "", "database user"),
    DATABASE_PASSWORD("database.password", "", "database password; set it through DIGEST_DATABASE_PASSWORD"),
    SECRET("secret", "", "HMAC key for links (16+ characters); generated and kept in data/secret when empty"),
    WEB_PORT("web.port", "8080", "port of the HTTP server of digest serve (pages, console, API, metrics); 0 = no web server"),
    WEB_BIND("web.bind", "127.0.0.1", "address the HTTP server listens on"),
    DKIM_DOMAIN("dkim.domain", "", "signing domain (d=); empty = no DKIM signature"),
    DKIM_SELECTOR("dkim.selector", "", "DKIM selector (s=), e.g. resumen2026"),
    DKIM_PRIVATE_KEY("dkim.private-key", "", "path to the PKCS#8 PEM private key; or the PEM itself in DIGEST_DKIM_PRIVATE_KEY"),
    BOUNCES_ADDRESS("bounces.address", "", "VERP base of the envelope sender (bounces@example.org -> bounces+TOKEN@example.org); empty = the From address"),
    BOUNCES_MAILBOX("bounces.mailbox", "", "IMAP mailbox where bounces and complaints arrive, like imaps://user@host/INBOX; empty = not read"),
    BOUNCES_PASSWORD("bounces.password", "", "password of bounces.mailbox; set it through DIGEST_BOUNCES_PASSWORD"),
    BOUNCES_POLL("bounces.poll", "5m", "how often digest serve reads bounces.mailbox and unsubscribe.mailbox (10s or more)"),
    UNSUBSCRIBE_MAILBOX("unsubscribe.mailbox", "", "IMAP mailbox of the mailto: List-Unsubscribe address, same form; empty = not read"),
    UNSUBSCRIBE_PASSWORD("unsubscribe.password", "", "password of unsubscribe.mailbox; set it through DIGEST_UNSUBSCRIBE_PASSWORD");

    /**
     * DIGEST_* variables that are not configuration keys but inputs of one command (the password of
     * {@code digest admin add}), so the configuration does not refuse them.
     */
    public static final java.util.Set<String> COMMAND_VARIABLES = java.util.Set.of("DIGEST_ADMIN_PASSWORD");

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
