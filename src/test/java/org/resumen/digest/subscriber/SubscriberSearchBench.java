package org.resumen.digest.subscriber;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import org.resumen.digest.Database;
import org.resumen.digest.config.DatabaseConfig;

/** One search of the console's subscriber page at 100,000 subscribers on H2 (run by hand, not by the build): prints the times. */
public final class SubscriberSearchBench {
    private SubscriberSearchBench() {
    }

    public static void main(String[] args) throws Exception {
        try (Database database = Database.open(new DatabaseConfig("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", ""))) {
            try (Connection c = database.dataSource().getConnection(); PreparedStatement insert = c.prepareStatement(
                    "insert into subscribers (email, name, topics, status, created_at, updated_at) values (?, ?, '', 'ACTIVE', ?, ?)")) {
                OffsetDateTime now = OffsetDateTime.now();
                for (int i = 0; i < 100_000; i++) {
                    insert.setString(1, "lector" + i + "@example.org");
                    insert.setString(2, "Lector Número " + i);
                    insert.setObject(3, now);
                    insert.setObject(4, now);
                    insert.addBatch();
                    if (i % 5000 == 4999) {
                        insert.executeBatch();
                    }
                }
            }
            SubscriberDirectory directory = new SubscriberDirectory(database.dataSource());
            for (String[] run : new String[][] {{"", "99950"}, {"lector9999", "0"}, {"número 5000", "0"}}) {
                directory.search(run[0], Integer.parseInt(run[1]), 50);
                long start = System.nanoTime();
                SubscriberDirectory.Page page = directory.search(run[0], Integer.parseInt(run[1]), 50);
                System.out.printf("q=\"%s\" offset=%s: %d rows in %.1f ms%n", run[0], run[1], page.rows().size(), (System.nanoTime() - start) / 1e6);
            }
        }
    }
}
