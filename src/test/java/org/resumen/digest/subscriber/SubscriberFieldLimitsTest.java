package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Issue 5 item 2: one over-long field (name over 300 characters, email over 320, locale over 35,
 * topics over 2,000) failed the whole subscriber sync, so nobody was mailed; now only that row is
 * reported, as {@code file:line: name is longer than 300 characters}, and skipped.
 */
class SubscriberFieldLimitsTest {
    @TempDir
    Path folder;

    private Database database;
    private SubscriberStore store;

    @BeforeEach
    void openDatabase() {
        database = Database.open(new DatabaseConfig("jdbc:h2:mem:limits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", ""));
        store = new SubscriberStore(database.dataSource(), Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void eachOverLongFieldIsReportedWithFileAndLineAndOnlyThatRowIsSkipped() throws Exception {
        Path file = writeRows(
                "ana@example.org,Ana Núñez,es-AR,Política",
                "largo@example.org," + "Ñ".repeat(301) + ",es,",
                "a".repeat(310) + "@example.org,Correo Largo,es,",
                "locale@example.org,Locale Largo,es-AR-" + "x".repeat(40) + ",",
                "temas@example.org,Temas Largos,es," + "economía;".repeat(250),
                "justo@example.org," + "n".repeat(300) + ",es," + "t".repeat(2000),
                "beto@example.org,Beto,,");

        SubscriberStore.FolderSync sync = store.syncFolder(folder);

        assertThat(sync.problems()).containsExactly(
                file + ":3: name is longer than 300 characters",
                file + ":4: email is longer than 320 characters",
                file + ":5: locale is longer than 35 characters",
                file + ":6: topics is longer than 2000 characters");
        assertThat(store.active()).extracting(Subscriber::email)
                .containsExactlyInAnyOrder("ana@example.org", "justo@example.org", "beto@example.org");
        assertThat(sync.changes().added()).isEqualTo(3);
    }

    @Test
    void checkReadsTheSameProblemsWithoutTouchingTheDatabase() throws Exception {
        Path file = writeRows("largo@example.org," + "x".repeat(301) + ",es,", "ana@example.org,Ana,es,");

        SubscriberFileReport report = SubscriberFiles.readFolder(folder);

        assertThat(report.problems()).containsExactly(file + ":2: name is longer than 300 characters");
        assertThat(report.rows()).extracting(SubscriberRow::email).containsExactly("ana@example.org");
    }

    private Path writeRows(String... rows) throws Exception {
        return Files.writeString(folder.resolve("lista.csv"), "email,name,locale,topics\n" + String.join("\n", rows) + "\n");
    }
}
