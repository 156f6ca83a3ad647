package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.subscriber.Subscriber.Status;

/** What a subscriber changes on their own pages, and how the file sync and the send then treat them. */
class SubscriberChoicesTest {
    private static final Instant NOW = Instant.parse("2025-12-16T10:00:00Z");

    private Database database;
    private SubscriberStore store;
    private SubscriberChoices choices;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:choices-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new SubscriberStore(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        choices = new SubscriberChoices(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
        store.sync(List.of(row("ana@example.org", "Ana", Set.of()), row("beto@example.org", "Beto", Set.of("Economía"))));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void preferencesSavedOnTheWebWinOverTheFileButTheFileStillRenames() {
        long ana = id("ana@example.org");
        choices.save(ana, new Preferences(Set.of("Política", "Economía"), Locale.ENGLISH, ZoneId.of("Europe/Madrid")));

        SyncReport report = store.sync(List.of(row("ana@example.org", "Ana Núñez", Set.of()), row("beto@example.org", "Beto", Set.of("Economía"))));

        assertThat(report).isEqualTo(new SyncReport(0, 1, 0, 1, 0));
        assertThat(store.byId(ana).orElseThrow()).isEqualTo(new Subscriber(ana, "ana@example.org", "Ana Núñez",
                Locale.ENGLISH, Set.of("Política", "Economía"), ZoneId.of("Europe/Madrid"), Status.ACTIVE));
        assertThat(store.sync(List.of(row("ana@example.org", "Ana Núñez", Set.of()), row("beto@example.org", "Beto", Set.of("Economía")))))
                .as("nothing left to change").isEqualTo(new SyncReport(0, 0, 0, 2, 0));
    }

    @Test
    void aPausedSubscriberGetsNothingUntilThePauseEndsAndResumingEndsItAtOnce() {
        long beto = id("beto@example.org");
        choices.pauseUntil(beto, NOW.plus(Duration.ofDays(14)));

        assertThat(store.active()).extracting(Subscriber::email).containsExactly("ana@example.org");
        assertThat(store.isActive(beto)).isFalse();
        assertThat(choices.pausedUntil(beto)).contains(NOW.plus(Duration.ofDays(14)));
        SubscriberStore twoWeeksLater = new SubscriberStore(database.dataSource(), Clock.fixed(NOW.plus(Duration.ofDays(14)), ZoneOffset.UTC));
        assertThat(twoWeeksLater.isActive(beto)).as("the pause ends on its last instant").isTrue();

        choices.pauseUntil(beto, null);
        assertThat(store.isActive(beto)).isTrue();
        assertThat(choices.pausedUntil(beto)).isEmpty();
    }

    @Test
    void resubscribingBringsBackOnlyAnUnsubscribedAddress() {
        long ana = id("ana@example.org");
        assertThat(choices.resubscribe(ana)).as("not unsubscribed").isFalse();
        store.unsubscribe(ana);

        assertThat(choices.resubscribe(ana)).isTrue();
        assertThat(choices.resubscribe(ana)).isFalse();
        assertThat(store.isActive(ana)).isTrue();
    }

    private long id(String email) {
        return store.byEmail(email).orElseThrow().id();
    }

    private static SubscriberRow row(String email, String name, Set<String> topics) {
        return new SubscriberRow(email, name, Locale.forLanguageTag("es-AR"), topics, null, "main.csv:2");
    }
}
