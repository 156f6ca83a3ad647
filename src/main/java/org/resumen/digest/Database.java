package org.resumen.digest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.resumen.digest.config.DatabaseConfig;

/**
 * The application's database: a pooled {@link DataSource} on H2 or PostgreSQL, migrated by Flyway
 * (the project's tables and Quartz's) before anyone uses it.
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource dataSource;
    private final boolean postgres;

    private Database(HikariDataSource dataSource, boolean postgres) {
        this.dataSource = dataSource;
        this.postgres = postgres;
    }

    /** Opens the pool and applies every pending migration. */
    public static Database open(DatabaseConfig config) {
        createH2Folder(config.url());
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(withoutCloseOnExit(config.url()));
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("digest");
        HikariDataSource dataSource = connect(hikari, config.url());
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration", "classpath:org/resumen/digest/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw new DigestException("database.url " + config.url() + ": migration failed: " + rootMessage(e), e);
        }
        if (config.url().startsWith("jdbc:h2:")) {
            flushEveryCommit(dataSource, config.url());
        }
        return new Database(dataSource, config.isPostgres());
    }

    /**
     * With {@code AUTO_SERVER=TRUE} the first process to open an H2 file serves it to the others; a
     * process that starts at the same moment can find the file locked before that server is up, so
     * it tries again for a few seconds instead of failing.
     */
    private static HikariDataSource connect(HikariConfig hikari, String url) {
        boolean shared = url.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE");
        for (int attempt = 1; ; attempt++) {
            try {
                return new HikariDataSource(hikari);
            } catch (RuntimeException e) {
                if (!shared || attempt >= 40 || !rootMessage(e).contains("Locked by another process")) {
                    throw new DigestException("database.url " + url + ": cannot connect: " + rootMessage(e), e);
                }
                try {
                    Thread.sleep(250);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new DigestException("database.url " + url + ": interrupted while waiting for the database", e);
                }
            }
        }
    }

    /**
     * H2 closes its databases in a JVM shutdown hook of its own, which on SIGTERM runs at the same
     * time as ours and would fail the recording of the messages still in flight; the application
     * closes the pool itself once they are recorded. H2 refuses the setting together with
     * {@code AUTO_SERVER=TRUE} (several processes on one file), so such a URL is left as it is.
     */
    static String withoutCloseOnExit(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        // H2 refuses DB_CLOSE_ON_EXIT=FALSE together with AUTO_SERVER=TRUE ("Feature not supported").
        if (!url.startsWith("jdbc:h2:") || upper.contains("DB_CLOSE_ON_EXIT") || upper.contains("AUTO_SERVER=TRUE")) {
            return url;
        }
        return url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /**
     * H2 writes commits up to 500 ms late by default: a crash would forget deliveries already made,
     * and the next run would mail those subscribers again. The ledger needs every commit written.
     */
    private static void flushEveryCommit(HikariDataSource dataSource, String url) {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (java.sql.SQLException e) {
            dataSource.close();
            throw new DigestException("database.url " + url + ": cannot set WRITE_DELAY 0: " + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public boolean isPostgres() {
        return postgres;
    }

    @Override
    public void close() {
        dataSource.close();
    }

    private static void createH2Folder(String url) {
        String prefix = "jdbc:h2:file:";
        if (!url.startsWith(prefix)) {
            return;
        }
        String path = url.substring(prefix.length()).split(";", 2)[0];
        Path parent = Path.of(path).toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new DigestException("database.url " + url + ": cannot create folder " + parent + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
