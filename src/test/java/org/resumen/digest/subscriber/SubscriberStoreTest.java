package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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

class SubscriberStoreTest {
    private static final Instant NOW = Instant.parse("2025-03-10T10:15:00Z");

    private Database database;
    private SubscriberStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:subscribers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new SubscriberStore(database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aFirstSyncAddsEveryRowAsActiveWithSpanishTextIntact() {
        SyncReport report = store.sync(List.of(
                row("maria@example.org", "María José Núñez", "es-AR", Set.of("Economía", "Congreso"), "America/Argentina/Buenos_Aires"),
                row("john@example.com", "John Carter", "", Set.of(), "")));

        assertThat(report).isEqualTo(new SyncReport(2, 0, 0, 0, 0));
        assertThat(store.active()).containsExactly(
                new Subscriber(1, "maria@example.org", "María José Núñez", Locale.forLanguageTag("es-AR"),
                        Set.of("Economía", "Congreso"), ZoneId.of("America/Argentina/Buenos_Aires"), Status.ACTIVE),
                new Subscriber(2, "john@example.com", "John Carter", null, Set.of(), null, Status.ACTIVE));
    }

    @Test
    void aResyncUpdatesChangedSubscribersAndLeavesTheOthersAlone() {
        store.sync(List.of(subscriber("ana@example.org"), subscriber("beto@example.org")));

        SyncReport report = store.sync(List.of(
                row("ana@example.org", "Ana Fernández", "en", Set.of("Justicia"), "Europe/Madrid"),
                subscriber("beto@example.org")));

        assertThat(report).isEqualTo(new SyncReport(0, 1, 0, 1, 0));
        assertThat(store.byEmail("ana@example.org")).get().satisfies(ana -> {
            assertThat(ana.name()).isEqualTo("Ana Fernández");
            assertThat(ana.locale()).isEqualTo(Locale.ENGLISH);
            assertThat(ana.topics()).containsExactly("Justicia");
            assertThat(ana.timezone()).isEqualTo(ZoneId.of("Europe/Madrid"));
        });
    }

    @Test
    void aSubscriberNoLongerListedIsRemovedFromTheSendButKeptForTheLog() {
        store.sync(List.of(subscriber("ana@example.org"), subscriber("beto@example.org")));

        SyncReport report = store.sync(List.of(subscriber("beto@example.org")));

        assertThat(report).isEqualTo(new SyncReport(0, 0, 1, 1, 0));
        assertThat(store.active()).extracting(Subscriber::email).containsExactly("beto@example.org");
        assertThat(store.byEmail("ana@example.org")).get().extracting(Subscriber::status).isEqualTo(Status.REMOVED);
        assertThat(store.all()).hasSize(2);
    }

    @Test
    void whenTheFilesHaveAProblemNobodyIsRemoved() {
        store.sync(List.of(subscriber("ana@example.org"), subscriber("beto@example.org")));

        SyncReport report = store.syncFrom(new SubscriberFileReport(List.of(subscriber("beto@example.org")),
                List.of("subscribers/main.csv:2: invalid address \"ana@@example.org\"; expected name@domain")));

        assertThat(report.removed()).isZero();
        assertThat(store.active()).extracting(Subscriber::email).containsExactly("ana@example.org", "beto@example.org");
        assertThat(store.syncFrom(new SubscriberFileReport(List.of(subscriber("beto@example.org")), List.of())).removed()).isEqualTo(1);
    }

    @Test
    void aRemovedSubscriberWhoReappearsIsActiveAgainUnderTheSameId() {
        store.sync(List.of(subscriber("ana@example.org")));
        long id = store.byEmail("ana@example.org").orElseThrow().id();
        store.sync(List.of());

        SyncReport report = store.sync(List.of(row("ana@example.org", "Ana Vuelve", "es", Set.of(), "")));

        assertThat(report).isEqualTo(new SyncReport(1, 0, 0, 0, 0));
        assertThat(store.active()).extracting(Subscriber::id, Subscriber::name)
                .containsExactly(tuple(id, "Ana Vuelve"));
    }

    @Test
    void anUnsubscribedAddressStaysUnsubscribedWhileTheFileStillListsIt() throws Exception {
        store.sync(List.of(subscriber("ana@example.org"), subscriber("beto@example.org")));
        assertThat(store.unsubscribe("ana@example.org")).isTrue();

        SyncReport report = store.sync(List.of(
                row("ana@example.org", "Ana Cambiada", "en", Set.of(), ""), subscriber("beto@example.org")));

        assertThat(report).isEqualTo(new SyncReport(0, 0, 0, 1, 1));
        assertThat(store.byEmail("ana@example.org")).get().extracting(Subscriber::status).isEqualTo(Status.UNSUBSCRIBED);
        assertThat(store.active()).extracting(Subscriber::email).containsExactly("beto@example.org");
        assertThat(unsubscribedAt("ana@example.org")).isEqualTo(NOW);
    }

    @Test
    void anUnsubscribedAddressDroppedFromTheFileIsNotCountedAsRemoved() {
        store.sync(List.of(subscriber("ana@example.org")));
        store.unsubscribe("ana@example.org");

        assertThat(store.sync(List.of())).isEqualTo(new SyncReport(0, 0, 0, 0, 0));
        assertThat(store.byEmail("ana@example.org")).get().extracting(Subscriber::status).isEqualTo(Status.UNSUBSCRIBED);
    }

    @Test
    void isActiveFollowsAnUnsubscribeAtOnce() {
        store.sync(List.of(subscriber("ana@example.org")));
        long id = store.byEmail("ana@example.org").orElseThrow().id();
        assertThat(store.isActive(id)).isTrue();

        assertThat(store.unsubscribe(id)).isTrue();

        assertThat(store.isActive(id)).isFalse();
        assertThat(store.isActive(999)).isFalse();
    }

    @Test
    void unsubscribeSaysWhetherItChangedAnything() {
        store.sync(List.of(subscriber("ana@example.org")));

        assertThat(store.unsubscribe(" ANA@Example.org ")).isTrue();
        assertThat(store.unsubscribe("ana@example.org")).isFalse();
        assertThat(store.unsubscribe("nadie@example.org")).isFalse();
        assertThat(store.unsubscribe(999)).isFalse();
    }

    @Test
    void aRemovedSubscriberWhoUnsubscribesDoesNotComeBackWithTheFile() {
        store.sync(List.of(subscriber("ana@example.org")));
        store.sync(List.of());
        assertThat(store.unsubscribe("ana@example.org")).isTrue();

        assertThat(store.sync(List.of(subscriber("ana@example.org")))).isEqualTo(new SyncReport(0, 0, 0, 0, 1));
        assertThat(store.active()).isEmpty();
    }

    @Test
    void mergeAddsAndUpdatesButRemovesNobody() {
        store.sync(List.of(subscriber("ana@example.org")));

        SyncReport report = store.merge(List.of(subscriber("beto@example.org")));

        assertThat(report).isEqualTo(new SyncReport(1, 0, 0, 0, 0));
        assertThat(store.active()).extracting(Subscriber::email).containsExactly("ana@example.org", "beto@example.org");
    }

    @Test
    void theSampleListSyncsIntoActiveSubscribers() {
        SubscriberFileReport files = SubscriberFiles.readFolder(Path.of("subscribers"));

        SyncReport report = store.sync(files.rows());

        assertThat(report.added()).isEqualTo(files.rows().size());
        assertThat(store.byEmail("maria.nunez@example.org")).get().extracting(Subscriber::name).isEqualTo("María José Núñez");
        assertThat(store.sync(files.rows()).unchanged()).isEqualTo(files.rows().size());
    }

    private static SubscriberRow subscriber(String email) {
        return row(email, "Nombre", "es-AR", Set.of(), "");
    }

    private static SubscriberRow row(String email, String name, String locale, Set<String> topics, String timezone) {
        return new SubscriberRow(email, name, locale.isEmpty() ? null : Locale.forLanguageTag(locale), topics,
                timezone.isEmpty() ? null : ZoneId.of(timezone), "test.csv:2");
    }

    private Instant unsubscribedAt(String email) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("select unsubscribed_at from subscribers where email = ?")) {
            s.setString(1, email);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }
}
