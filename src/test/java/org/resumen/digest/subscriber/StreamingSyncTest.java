package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;

/**
 * A subscriber folder larger than one chunk of the streaming sync: duplicates across chunks and
 * files are still found (with both lines named), and removal still sees every listed address.
 */
class StreamingSyncTest {
    private static final int ROWS = SubscriberSync.CHUNK * 2 + 500;

    @TempDir
    Path folder;

    private Database database;
    private SubscriberStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:streaming-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new SubscriberStore(database.dataSource(), Clock.fixed(Instant.parse("2025-03-10T10:15:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void anAddressListedAgainChunksLaterIsADuplicateNamingBothLinesAndNobodyIsRemoved() throws IOException {
        store.syncFolder(write("a.csv", readers(0, ROWS, "")));
        StringBuilder again = readers(0, ROWS, "");
        again.append("lector3@example.org,Otra Núñez,es,\r\n");
        write("a.csv", again);

        SubscriberStore.FolderSync sync = store.syncFolder(folder);

        Path file = folder.resolve("a.csv");
        assertThat(sync.problems()).containsExactly(
                file + ":" + (ROWS + 2) + ": duplicate address \"lector3@example.org\", first at " + file + ":5");
        assertThat(sync.changes()).isEqualTo(new SyncReport(0, 0, 0, ROWS, 0));
        assertThat(store.byEmail("lector3@example.org").orElseThrow().name()).isEqualTo("Lector Núñez 3");
    }

    @Test
    void aSecondFileRepeatingAnAddressOfTheFirstIsADuplicateAtItsOwnLine() throws IOException {
        write("a.csv", readers(0, ROWS, ""));
        write("b.csv", readers(ROWS - 1, ROWS + 1, ""));

        SubscriberStore.FolderSync sync = store.syncFolder(folder);

        assertThat(sync.problems()).containsExactly(folder.resolve("b.csv") + ":2: duplicate address \"lector"
                + (ROWS - 1) + "@example.org\", first at " + folder.resolve("a.csv") + ":" + (ROWS + 1));
        assertThat(sync.changes().added()).isEqualTo(ROWS + 1);
    }

    @Test
    void rowsNoLongerListedAreRemovedWhateverChunkTheyWereIn() throws IOException {
        write("a.csv", readers(0, ROWS, ""));
        store.syncFolder(folder);
        write("a.csv", readers(SubscriberSync.CHUNK, ROWS, ""));

        SubscriberStore.FolderSync sync = store.syncFolder(folder);

        assertThat(sync.problems()).isEmpty();
        assertThat(sync.changes()).isEqualTo(new SyncReport(0, 0, SubscriberSync.CHUNK, ROWS - SubscriberSync.CHUNK, 0));
        assertThat(store.active()).hasSize(ROWS - SubscriberSync.CHUNK);
        assertThat(store.byEmail("lector0@example.org").orElseThrow().status()).isEqualTo(Subscriber.Status.REMOVED);
    }

    @Test
    void aRowAfterBlankLinesAndAQuotedLineBreakIsNamedByItsOwnLine() throws IOException {
        write("a.csv", new StringBuilder("\uFEFFemail,name,locale,topics\r\n\r\n"
                + "ana@example.org,\"Ana\nNúñez\",es,\r\n\r\n\r\n"
                + "no-es-una-direccion,Beto,es,\r\n"));

        SubscriberStore.FolderSync sync = store.syncFolder(folder);

        assertThat(sync.problems()).extracting(p -> p.substring(0, p.indexOf(": ")))
                .containsExactly(folder.resolve("a.csv") + ":3", folder.resolve("a.csv") + ":7");
    }

    private static StringBuilder readers(int from, int to, String topics) {
        StringBuilder csv = new StringBuilder("email,name,locale,topics\r\n");
        for (int i = from; i < to; i++) {
            csv.append("lector").append(i).append("@example.org,Lector Núñez ").append(i).append(",es,").append(topics).append("\r\n");
        }
        return csv;
    }

    private Path write(String name, StringBuilder text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        return folder;
    }
}
