package org.resumen.digest.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.delivery.Progress;
import org.resumen.digest.delivery.RetryPolicy;
import org.resumen.digest.delivery.SendOptions;
import org.resumen.digest.delivery.SendReport;

/**
 * A newsletter in a temporary folder at 07:00 in Buenos Aires on 2025-12-16: four Spanish articles
 * of the last day in a feed, the given subscribers, and an SMTP server on a loopback port.
 */
public final class TestWorld {
    public static final Instant NOW = Instant.parse("2025-12-16T10:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    public static final LocalDate EDITION_DATE = LocalDate.of(2025, 12, 16);
    /** Three tries 50 ms and 100 ms apart, so that retries cost a test little time. */
    public static final RetryPolicy QUICK_RETRIES = new RetryPolicy(3, Duration.ofMillis(50), 10);
    /** The newest article of {@link #todaysNews()}: the top headline of the edition. */
    public static final String TOP_HEADLINE = "El Senado aprobó la ley de humedales tras una sesión de 14 horas";

    private TestWorld() {
    }

    /** Writes feed, subscribers (CSV rows after the header) and config into {@code dir}; returns the config file. */
    public static Path create(Path dir, int smtpPort, List<String> subscriberRows) {
        Path feed = DemoFiles.writeFeed(dir.resolve("feed.xml"), todaysNews());
        Path subscribers = DemoFiles.writeSubscribers(dir.resolve("subscribers"), subscriberRows);
        return DemoFiles.writeConfig(dir.resolve("digest.yml"), feed, subscribers, smtpPort);
    }

    /** The app of the config with the fixed clock and {@link #QUICK_RETRIES}. */
    public static App open(Path config) {
        return App.open(ConfigLoader.load(config, Map.of()).orThrow(), CLOCK, QUICK_RETRIES);
    }

    /** Sends the edition of {@link #EDITION_DATE} as the schedule would. */
    public static SendReport send(App app) {
        return app.sendEdition.run(SendOptions.scheduled(EDITION_DATE), Progress.NONE);
    }

    /** A CSV row per address, named after its local part, Spanish, every topic. */
    public static List<String> readers(String... emails) {
        return Arrays.stream(emails).map(e -> e + "," + e.substring(0, e.indexOf('@')) + ",es-AR,").toList();
    }

    /** Four articles published between 09:45 on the 15th and 06:30 on the 16th, Buenos Aires time. */
    public static List<FeedItem> todaysNews() {
        return List.of(
                item(TOP_HEADLINE, "senado-humedales", "La votación terminó a las 4:10 — con 41 votos a favor y 27 en contra.",
                        "2025-12-16T06:30:00-03:00"),
                item("«No vamos a negociar a ciegas»: la oposición pidió el presupuesto detallado", "presupuesto",
                        "Los bloques reclamaron “las planillas completas” antes del jueves…", "2025-12-15T21:10:00-03:00"),
                item("Gobernadores del norte reclaman fondos para rutas y advierten por el gasoil", "gobernadores",
                        "Cinco provincias firmaron una carta conjunta; el ministerio respondió por @prensa_ministerio.",
                        "2025-12-15T18:00:00-03:00"),
                item("Ñandúes en la ruta 14: Vialidad instala carteles nuevos", "nandues",
                        "Después de tres accidentes, la señalización llegará en enero.", "2025-12-15T09:45:00-03:00"));
    }

    private static FeedItem item(String title, String slug, String description, String published) {
        return new FeedItem(title, "https://diario.example.net/notas/" + slug, description, OffsetDateTime.parse(published));
    }
}
