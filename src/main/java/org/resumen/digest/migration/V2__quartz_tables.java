package org.resumen.digest.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Creates Quartz's JDBC job-store tables from the DDL that ships inside the quartz jar (never a
 * copy of it), choosing the script for the database at hand.
 */
public class V2__quartz_tables extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName().toLowerCase();
        String script = product.contains("postgres") ? "tables_postgres.sql" : "tables_h2.sql";
        try (Statement statement = context.getConnection().createStatement()) {
            for (String sql : statements(read(script))) {
                statement.execute(sql);
            }
        }
    }

    private static String read(String script) throws IOException {
        String resource = "/org/quartz/impl/jdbcjobstore/" + script;
        try (InputStream in = V2__quartz_tables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Quartz DDL " + resource + " not found in the quartz jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Splits the script on ';', leaving out comments, DROP statements and the trailing COMMIT. */
    static java.util.List<String> statements(String script) {
        StringBuilder cleaned = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.startsWith("--") && !trimmed.startsWith("#")) {
                cleaned.append(line).append('\n');
            }
        }
        java.util.List<String> result = new java.util.ArrayList<>();
        for (String sql : cleaned.toString().split(";")) {
            String s = sql.trim();
            String upper = s.toUpperCase();
            if (!s.isEmpty() && !upper.startsWith("DROP ") && !upper.equals("COMMIT")) {
                result.add(s);
            }
        }
        return result;
    }
}
