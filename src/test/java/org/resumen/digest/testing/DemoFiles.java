package org.resumen.digest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** Writes the files a newsletter reads: an RSS feed, a subscribers folder and a config YAML pointing at them. */
public final class DemoFiles {
    /** The link secret of every test config; tests verify tokens with the same key. */
    public static final String SECRET = "clave-de-prueba-32-caracteres-ok";
    public static final String NEWSLETTER_NAME = "Resumen Político";
    public static final String FROM_NAME = "Resumen Político";
    public static final String FROM_ADDRESS = "boletin@resumen.example.net";
    public static final String BASE_URL = "https://resumen.example.net";
    public static final String CSV_HEADER = "email,name,locale,topics";

    private DemoFiles() {
    }

    /** An RSS 2.0 feed with the items, UTF-8. */
    public static Path writeFeed(Path file, List<FeedItem> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n"
                + "<title>Diario de Prueba</title><link>https://diario.example.net/</link><description>Noticias</description>\n");
        for (FeedItem item : items) {
            xml.append("<item><title>").append(escape(item.title())).append("</title>")
                    .append("<link>").append(escape(item.link())).append("</link>")
                    .append("<guid>").append(escape(item.link())).append("</guid>")
                    .append("<description>").append(escape(item.description())).append("</description>")
                    .append("<pubDate>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(item.published()))
                    .append("</pubDate></item>\n");
        }
        return write(file, xml.append("</channel></rss>\n").toString());
    }

    /** {@code folder/main.csv} with the header row and the given rows; returns the folder. */
    public static Path writeSubscribers(Path folder, List<String> rows) {
        write(folder.resolve("main.csv"), CSV_HEADER + "\n" + String.join("\n", rows) + "\n");
        return folder;
    }

    /**
     * A config for the feed and subscribers folder, the repository's templates, an SMTP server on
     * 127.0.0.1:{@code smtpPort}, a fresh in-memory database and {@link #SECRET}.
     */
    /**
     * A config on the demo sources shipped in {@code sources/}, sending to {@code smtpPort} on
     * 127.0.0.1; {@code extraSources} are more {@code sources:} entries (each "  - {…}" lines),
     * {@code extraYaml} more top-level keys.
     */
    public static Path writeDemoConfig(Path file, Path subscribers, Path templates, int smtpPort, String database,
                                       String extraSources, String extraYaml) {
        return write(file, """
                sources:
                  - { name: "Diario del Plata", feed: "%s" }
                  - { name: "Redacción El Resumen", directory: "%s" }
                %s
                subscribers: "%s"
                templates: "%s"
                smtp: { host: 127.0.0.1, port: %d }
                database: { url: "%s" }
                secret: "%s"
                %s
                """.formatted(Path.of("sources/diario-del-plata.xml").toAbsolutePath(), Path.of("sources/redaccion").toAbsolutePath(),
                extraSources, subscribers.toAbsolutePath(), templates.toAbsolutePath(), smtpPort, database, SECRET, extraYaml));
    }

    public static Path writeConfig(Path file, Path feed, Path subscribers, int smtpPort) {
        String yaml = "newsletter:\n"
                + "  name: " + quoted(NEWSLETTER_NAME) + "\n"
                + "  from: " + quoted(FROM_NAME + " <" + FROM_ADDRESS + ">") + "\n"
                + "  base-url: " + quoted(BASE_URL) + "\n"
                + "sources:\n"
                + "  - name: \"Diario de Prueba\"\n"
                + "    feed: " + quoted(feed.toAbsolutePath().toString()) + "\n"
                + "subscribers: " + quoted(subscribers.toAbsolutePath().toString()) + "\n"
                + "templates: " + quoted(Path.of("templates").toAbsolutePath().toString()) + "\n"
                + "smtp:\n"
                + "  host: \"127.0.0.1\"\n"
                + "  port: " + smtpPort + "\n"
                + "database:\n"
                + "  url: " + quoted("jdbc:h2:mem:delivery-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1") + "\n"
                + "secret: " + quoted(SECRET) + "\n";
        return write(file, yaml);
    }

    private static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
