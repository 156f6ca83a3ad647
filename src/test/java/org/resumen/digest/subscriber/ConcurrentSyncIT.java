package org.resumen.digest.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.testing.Postgres;

/**
 * Two processes syncing the same subscriber files at one moment (two pools on one database, as two
 * {@code digest} commands are): both succeed, and every address is stored once.
 */
class ConcurrentSyncIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-12-16T10:00:00Z"), ZoneOffset.UTC);

    @ParameterizedTest(name = "on {0}")
    @ValueSource(strings = {"H2", "PostgreSQL"})
    void twoSyncsOfTheSameNewFileAtOneMomentBothSucceedAndStoreEachAddressOnce(String store) throws Exception {
        DatabaseConfig config = "H2".equals(store)
                ? new DatabaseConfig("jdbc:h2:mem:sync-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "", "")
                : Postgres.server().newDatabase();
        List<SubscriberRow> rows = IntStream.rangeClosed(1, 3000)
                .mapToObj(i -> new SubscriberRow("lectora" + i + "@example.org", "Lectora Nº " + i, null, Set.of(), null, "main.csv"))
                .toList();
        try (Database one = Database.open(config); Database two = Database.open(config)) {
            CyclicBarrier together = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            List<Future<SyncReport>> syncs = new ArrayList<>();
            for (Database db : List.of(one, two)) {
                SubscriberStore subscribers = new SubscriberStore(db.dataSource(), CLOCK);
                syncs.add(threads.submit(() -> {
                    together.await();
                    return subscribers.sync(rows);
                }));
            }
            List<SyncReport> reports = new ArrayList<>();
            for (Future<SyncReport> sync : syncs) {
                reports.add(sync.get());
            }
            threads.shutdown();

            assertThat(reports.stream().mapToInt(SyncReport::added).sum()).isEqualTo(rows.size());
            assertThat(new SubscriberStore(one.dataSource(), CLOCK).active()).hasSize(rows.size());
        }
    }
}
