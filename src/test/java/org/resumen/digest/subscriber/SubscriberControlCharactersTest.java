package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;

/**
 * Issue 5 item 3: a NUL in one subscriber name blocked the sync on PostgreSQL; names and topics are
 * now cleaned of control characters and bidi overrides before they are stored or greeted.
 */
class SubscriberControlCharactersTest {
    @TempDir
    Path folder;

    private Database database;
    private SubscriberStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:controls-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new SubscriberStore(database.dataSource(), Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void aNulInANameAndBidiOverridesInTopicsAreRemovedAndTheRowIsSynced() throws Exception {
        Files.writeString(folder.resolve("lista.csv"), "email,name,locale,topics\n"
                + "ana@example.org,Ana\u0000 Pe\u202Eña\u0007,es-AR,Polí\u2066tica;Eco\u0085nomía\n"
                + "beto@example.org,\"Beto\tGómez\",,\n");

        SubscriberStore.FolderSync sync = store.syncFolder(folder);

        assertThat(sync.problems()).isEmpty();
        assertThat(store.active()).extracting(Subscriber::name, Subscriber::topics).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("Ana Peña", Set.of("Política", "Economía")),
                org.assertj.core.groups.Tuple.tuple("Beto Gómez", Set.of()));
    }

    @Test
    void anAddressWithAControlCharacterIsRefusedNotRepaired() throws Exception {
        Path file = Files.writeString(folder.resolve("lista.csv"), "email,name,locale,topics\nana\u0000@example.org,Ana,,\n");

        SubscriberFileReport report = SubscriberFiles.readFolder(folder);

        assertThat(report.rows()).isEmpty();
        assertThat(report.problems()).containsExactly(file + ":2: invalid address \"ana\u0000@example.org\"; expected name@domain");
    }
}
