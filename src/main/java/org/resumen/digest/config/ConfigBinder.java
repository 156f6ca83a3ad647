package org.resumen.digest.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.quartz.CronExpression;

/** Turns raw values into a typed {@link Config}, recording a problem (and keeping the default) for each bad one. */
final class ConfigBinder {
    private final Map<Key, ConfigLoader.RawValue> raw;
    private final List<String> problems;
    private final String origin;

    ConfigBinder(Map<Key, ConfigLoader.RawValue> raw, List<String> problems, String origin) {
        this.raw = raw;
        this.problems = problems;
        this.origin = origin;
    }

    Config bind() {
        NewsletterConfig newsletter = new NewsletterConfig(
                value(Key.NEWSLETTER_NAME, ConfigBinder::singleLine),
                value(Key.NEWSLETTER_FROM, ConfigBinder::fromAddress),
                value(Key.NEWSLETTER_TIMEZONE, ConfigBinder::zone),
                value(Key.NEWSLETTER_LOCALE, ConfigBinder::locale),
                value(Key.NEWSLETTER_SCHEDULE, ConfigBinder::cron),
                value(Key.NEWSLETTER_BASE_URL, ConfigBinder::baseUrl),
                value(Key.NEWSLETTER_MAX_ARTICLES, s -> intIn(s, 1, 500)),
                value(Key.NEWSLETTER_MAX_AGE, ConfigBinder::duration),
                value(Key.NEWSLETTER_SEND_DEADLINE, ConfigBinder::duration),
                value(Key.NEWSLETTER_DELIVERY, ConfigBinder::delivery),
                value(Key.NEWSLETTER_CLUSTER, ConfigBinder::bool),
                value(Key.NEWSLETTER_IMAGES, ConfigBinder::bool),
                value(Key.NEWSLETTER_SOURCE_GRACE, ConfigBinder::duration),
                alerts());
        SmtpConfig smtp = new SmtpConfig(
                value(Key.SMTP_HOST, ConfigBinder::singleLine),
                value(Key.SMTP_PORT, s -> intIn(s, 1, 65535)),
                value(Key.SMTP_USERNAME, ConfigBinder::singleLine),
                value(Key.SMTP_PASSWORD, s -> s),
                value(Key.SMTP_TLS, ConfigBinder::tls),
                value(Key.SMTP_CONNECTIONS, s -> intIn(s, 1, 64)),
                value(Key.SMTP_MAX_PER_SECOND, ConfigBinder::rate),
                value(Key.SMTP_HELO, ConfigBinder::heloName));
        DatabaseConfig database = new DatabaseConfig(
                value(Key.DATABASE_URL, ConfigBinder::jdbcUrl),
                value(Key.DATABASE_USERNAME, s -> s),
                value(Key.DATABASE_PASSWORD, s -> s));
        WebConfig web = new WebConfig(value(Key.WEB_PORT, s -> intIn(s, 0, 65535)), value(Key.WEB_BIND, ConfigBinder::singleLine));
        DkimConfig dkim = new DkimConfig(value(Key.DKIM_DOMAIN, ConfigBinder::domain), value(Key.DKIM_SELECTOR, ConfigBinder::selector),
                value(Key.DKIM_PRIVATE_KEY, s -> s));
        BouncesConfig bounces = new BouncesConfig(value(Key.BOUNCES_ADDRESS, ConfigBinder::plainAddress),
                new MailboxConfig(value(Key.BOUNCES_MAILBOX, ConfigBinder::mailbox), value(Key.BOUNCES_PASSWORD, s -> s)),
                value(Key.BOUNCES_POLL, ConfigBinder::pollInterval));
        MailboxConfig unsubscribe = new MailboxConfig(value(Key.UNSUBSCRIBE_MAILBOX, ConfigBinder::mailbox),
                value(Key.UNSUBSCRIBE_PASSWORD, s -> s));
        return new Config(newsletter, sources(), value(Key.SUBSCRIBERS, Path::of), value(Key.TEMPLATES, Path::of),
                smtp, database, value(Key.SECRET, ConfigBinder::secret), web, dkim, bounces, unsubscribe, origin);
    }

    private <T> T value(Key key, Function<String, T> parser) {
        ConfigLoader.RawValue given = raw.get(key);
        if (given != null) {
            try {
                return parser.apply(given.text().trim());
            } catch (IllegalArgumentException | DateTimeException e) {
                problems.add("config " + given.origin() + ": " + key.path() + " " + e.getMessage() + ", got " + shown(key, given.text()));
            }
        }
        return parser.apply(key.defaultValue());
    }

    /** Keys whose values are never repeated in a message: a config error must not put a secret on screen or in a log. */
    private static final java.util.Set<Key> SECRETS = java.util.EnumSet.of(Key.SECRET, Key.SMTP_PASSWORD, Key.DATABASE_PASSWORD,
            Key.BOUNCES_PASSWORD, Key.UNSUBSCRIBE_PASSWORD, Key.DKIM_PRIVATE_KEY);
    private static final java.util.regex.Pattern URL_PASSWORD =
            java.util.regex.Pattern.compile("(?i)(password=)[^&;]*|(//[^/@:]*:)[^/@]*(?=@)");

    /** The value as the user typed it, in quotes; a secret only by its length, a URL with its password blanked. */
    static String shown(Key key, String text) {
        if (SECRETS.contains(key)) {
            return text.length() + " characters (not shown: it is a secret)";
        }
        if (key == Key.DATABASE_URL) {
            return "\"" + URL_PASSWORD.matcher(text).replaceAll(m -> (m.group(1) != null ? m.group(1) : m.group(2)) + "***") + "\"";
        }
        return "\"" + text + "\"";
    }

    /** newsletter.alerts: a YAML list of addresses, or one comma-separated string (the environment). */
    private List<String> alerts() {
        ConfigLoader.RawValue given = raw.get(Key.NEWSLETTER_ALERTS);
        if (given == null || given.node() == null || given.node().isNull()) {
            return List.of();
        }
        List<String> texts = new java.util.ArrayList<>();
        if (given.node().isArray()) {
            given.node().forEach(n -> texts.add(n.asText()));
        } else {
            java.util.Arrays.stream(given.text().split(",")).forEach(texts::add);
        }
        List<String> addresses = new java.util.ArrayList<>();
        for (String text : texts) {
            String t = text.trim();
            if (t.isEmpty() || "[]".equals(t)) {
                continue;
            }
            try {
                addresses.add(plainAddress(t));
            } catch (IllegalArgumentException e) {
                problems.add("config " + given.origin() + ": " + Key.NEWSLETTER_ALERTS.path() + " " + e.getMessage() + ", got \"" + t + "\"");
            }
        }
        return addresses;
    }

    private List<SourceConfig> sources() {
        ConfigLoader.RawValue given = raw.get(Key.SOURCES);
        if (given == null || given.node() == null) {
            return SourcesBinder.bind(defaultSources(), "built-in defaults", problems);
        }
        return SourcesBinder.bind(given.node(), given.origin(), problems);
    }

    private static JsonNode defaultSources() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Key.SOURCES.defaultValue());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("built-in default of sources is not YAML", e);
        }
    }

    static String singleLine(String s) {
        if (s.contains("\r") || s.contains("\n")) {
            throw new IllegalArgumentException("must be one line (no CR/LF)");
        }
        return s;
    }

    private static String fromAddress(String s) {
        singleLine(s);
        try {
            InternetAddress address = new InternetAddress(s, true);
            String email = address.getAddress();
            if (!email.contains("@") || !email.substring(email.indexOf('@') + 1).contains(".")) {
                throw new AddressException("no domain");
            }
            return s;
        } catch (AddressException e) {
            throw new IllegalArgumentException("must be an address like \"El Resumen <resumen@example.org>\"");
        }
    }

    private static ZoneId zone(String s) {
        try {
            return ZoneId.of(s);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("must be a time zone ID like America/Argentina/Buenos_Aires");
        }
    }

    private static Locale locale(String s) {
        Locale locale = Locale.forLanguageTag(s);
        if (!List.of("es", "en").contains(locale.getLanguage())) {
            throw new IllegalArgumentException("must be a language tag of a language the templates have (es, es-AR, en, en-US…)");
        }
        return locale;
    }

    /**
     * Quartz cron: 6 or 7 fields, seconds first, and {@code ?} in day-of-month or day-of-week. A
     * 5-field Unix cron is refused with the Quartz spelling of the same schedule.
     */
    static String cron(String s) {
        String[] fields = s.isBlank() ? new String[0] : s.trim().split("\\s+");
        String form = "must be a Quartz cron expression of 6 or 7 fields, seconds first (seconds minutes hours"
                + " day-of-month month day-of-week [year]) with ? in day-of-month or day-of-week";
        if (fields.length == 5) {
            throw new IllegalArgumentException(form + "; this has 5 fields (Unix cron), the same schedule in Quartz is \""
                    + quartzOf(fields) + "\"");
        }
        if (fields.length < 6 || fields.length > 7) {
            throw new IllegalArgumentException(form + ", like \"0 0 7 * * ?\" (07:00 every day); this has " + fields.length + " field(s)");
        }
        try {
            new CronExpression(s);
        } catch (java.text.ParseException e) {
            throw new IllegalArgumentException(form + ", like \"0 0 7 * * ?\" (07:00 every day); Quartz says: " + e.getMessage());
        }
        return s;
    }

    // "m h dom mon dow" -> "0 m h dom mon dow", with ? where Quartz needs it (dom when a weekday is given, else dow).
    private static String quartzOf(String[] unix) {
        String dom = unix[2];
        String dow = unix[4];
        if ("*".equals(dow)) {
            dow = "?";
        } else if ("*".equals(dom)) {
            dom = "?";
        }
        return "0 " + unix[0] + " " + unix[1] + " " + dom + " " + unix[3] + " " + dow;
    }

    private static String baseUrl(String s) {
        try {
            URI uri = new URI(s);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("must be an http:// or https:// URL with a host, like https://resumen.example.org");
            }
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("must be an http:// or https:// URL with a host, like https://resumen.example.org");
        }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static int intIn(String s, int min, int max) {
        try {
            int value = Integer.parseInt(s);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a whole number from " + min + " to " + max);
    }

    private static double rate(String s) {
        try {
            double value = Double.parseDouble(s);
            if (value >= 0 && Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a number of messages per second, 0 or more (0 = unlimited)");
    }

    static Duration pollInterval(String s) {
        Duration d = duration(s);
        if (d.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("must be 10s or more (a mailbox read more often than that is hammered)");
        }
        return d;
    }

    static Duration duration(String s) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*([smhd])").matcher(s.toLowerCase());
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            if (!d.isZero()) {
                return d;
            }
        }
        try {
            Duration d = Duration.parse(s);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("must be a positive duration like 36h, 90m, 2d or PT36H");
    }

    private static NewsletterConfig.Delivery delivery(String s) {
        return switch (s.toLowerCase()) {
            case "edition" -> NewsletterConfig.Delivery.EDITION;
            case "local" -> NewsletterConfig.Delivery.LOCAL;
            default -> throw new IllegalArgumentException("must be edition or local");
        };
    }

    private static boolean bool(String s) {
        return switch (s.toLowerCase()) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        };
    }

    private static final java.util.regex.Pattern HOST_NAME =
            java.util.regex.Pattern.compile("(?i)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    private static String heloName(String s) {
        if (!s.isEmpty() && !HOST_NAME.matcher(s).matches()) {
            throw new IllegalArgumentException("must be a host name like mail.example.org (or empty for the From domain)");
        }
        return s;
    }

    private static String domain(String s) {
        if (!s.isEmpty() && !(HOST_NAME.matcher(s).matches() && s.contains("."))) {
            throw new IllegalArgumentException("must be a domain like example.org (or empty for no signing)");
        }
        return s.toLowerCase();
    }

    private static String selector(String s) {
        if (!s.isEmpty() && !HOST_NAME.matcher(s).matches()) {
            throw new IllegalArgumentException("must be a DKIM selector of letters, digits, - and . like resumen2026");
        }
        return s;
    }

    /** A bare address like bounces@example.org (empty allowed). */
    private static String plainAddress(String s) {
        if (s.isEmpty()) {
            return s;
        }
        singleLine(s);
        try {
            InternetAddress address = new InternetAddress(s, true);
            String email = address.getAddress();
            if (address.getPersonal() != null || !email.equals(s) || !email.substring(email.indexOf('@') + 1).contains(".")) {
                throw new AddressException("not bare");
            }
            return s.toLowerCase();
        } catch (AddressException e) {
            throw new IllegalArgumentException("must be an address like bounces@example.org");
        }
    }

    private static String mailbox(String s) {
        if (s.isEmpty()) {
            return s;
        }
        try {
            URI uri = new URI(s);
            if (!("imap".equals(uri.getScheme()) || "imaps".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() == null) {
                throw new IllegalArgumentException("bad");
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            throw new IllegalArgumentException("must be an IMAP URL like imaps://user@host/INBOX (password in the environment)");
        }
        return s;
    }

    private static SmtpConfig.Tls tls(String s) {
        return switch (s.toLowerCase()) {
            case "none" -> SmtpConfig.Tls.NONE;
            case "starttls" -> SmtpConfig.Tls.STARTTLS;
            case "ssl" -> SmtpConfig.Tls.SSL;
            default -> throw new IllegalArgumentException("must be none, starttls or ssl");
        };
    }

    private static String jdbcUrl(String s) {
        if (!s.startsWith("jdbc:h2:") && !s.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("must be a jdbc:h2:… or jdbc:postgresql://host/db URL");
        }
        return s;
    }

    private static String secret(String s) {
        if (!s.isEmpty() && s.length() < 16) {
            throw new IllegalArgumentException("must be at least 16 characters (or empty to have one generated in data/secret)");
        }
        return s;
    }
}
