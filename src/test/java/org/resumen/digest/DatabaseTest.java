package org.resumen.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.resumen.digest.config.DatabaseConfig;

class DatabaseTest {
    @Test
    void migratesTheProjectTablesAndQuartzTablesIntoAFreshH2() throws Exception {
        try (Database db = Database.open(new DatabaseConfig("jdbc:h2:mem:dbtest;DB_CLOSE_DELAY=-1", "", ""));
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            java.util.Set<String> names = new java.util.HashSet<>();
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase());
            }
            assertThat(names).contains("articles", "subscribers", "editions", "edition_articles", "deliveries",
                    "sources", "qrtz_job_details", "qrtz_cron_triggers", "qrtz_locks");
        }
    }
}
