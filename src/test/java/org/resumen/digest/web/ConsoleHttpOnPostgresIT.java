package org.resumen.digest.web;

import java.util.Map;
import org.resumen.digest.testing.Postgres;

/** Every test of {@link ConsoleHttpIT} again, on a real PostgreSQL: the SQL behind these pages and routes runs on both stores. */
class ConsoleHttpOnPostgresIT extends ConsoleHttpIT {
    @Override
    Map<String, String> environment() {
        return Postgres.environmentFor("PostgreSQL");
    }
}
