package org.resumen.digest.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;
import org.resumen.digest.App;
import org.resumen.digest.config.ConfigLoader;
import org.resumen.digest.config.DatabaseConfig;
import org.resumen.digest.testing.Postgres;
import org.resumen.digest.testing.TestWorld;

/** Two serve nodes on one PostgreSQL database are two members of one Quartz cluster, not two rival schedulers. */
class ClusteredSchedulersIT {
    @TempDir
    Path dir;

    @Test
    void twoSchedulersOnOnePostgresDatabaseJoinOneClusterAndShareTheDailyTrigger() throws Exception {
        DatabaseConfig database = Postgres.server().newDatabase();
        Path config = TestWorld.create(dir, 2525, TestWorld.readers("ana@example.org"));
        Map<String, String> env = Map.of("DIGEST_DATABASE_URL", database.url(), "DIGEST_DATABASE_USERNAME", database.username());
        List<Scheduler> nodes = new ArrayList<>();
        try (App one = open(config, env); App two = open(config, env)) {
            for (App app : List.of(one, two)) {
                Scheduler node = Scheduling.persistent(app.database.dataSource(), app.database.isPostgres(),
                        app.sendEdition, app.editions, app.clock);
                Scheduling.scheduleDaily(node, app.config.newsletter());
                node.start();
                nodes.add(node);
            }
            assertThat(nodes).allSatisfy(n -> assertThat(n.getMetaData().isJobStoreClustered()).isTrue());
            assertThat(nodes.get(0).getSchedulerInstanceId()).isNotEqualTo(nodes.get(1).getSchedulerInstanceId());
            assertThat(count(one, "select count(*) from qrtz_scheduler_state where sched_name = 'digest'")).isEqualTo(2);
            assertThat(count(one, "select count(*) from qrtz_triggers where sched_name = 'digest'")).isEqualTo(1);
        } finally {
            for (Scheduler node : nodes) {
                node.shutdown(true);
            }
        }
    }

    private static App open(Path config, Map<String, String> env) {
        return App.open(ConfigLoader.load(config, env).orThrow(), TestWorld.CLOCK, TestWorld.QUICK_RETRIES);
    }

    private static int count(App app, String sql) throws Exception {
        try (Connection c = app.database.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
