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
        hikari.setJdbcUrl(jdbcUrl(config.url()));
        hikari.setUsername(config.username());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(10);
        hikari.setPoolName("digest");
        HikariDataSource dataSource = connect(hikari, config.url(), jdbcUrl(config.url()));
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
     * With {@code AUTO_SERVER=TRUE} (every H2 file) the first process to open it serves it to the
     * others; a process that starts at the same moment can find the file locked before that server is
     * up, or the server named in the lock file not listening yet, so it tries again for a few seconds
     * instead of failing. {@code url}: as configured, for messages; {@code effective}: what the pool uses.
     */
    private static HikariDataSource connect(HikariConfig hikari, String url, String effective) {
        boolean shared = effective.toUpperCase(java.util.Locale.ROOT).contains("AUTO_SERVER=TRUE");
        for (int attempt = 1; ; attempt++) {
            try {
                return new HikariDataSource(hikari);
            } catch (RuntimeException e) {
                String why = rootMessage(e);
                boolean starting = why != null && (why.contains("Locked by another process") || why.contains("Connection refused"));
                if (!shared || attempt >= 40 || !starting) {
                    throw new DigestException("database.url " + url + ": cannot connect: " + why, e);
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
     * The URL the pool uses. An H2 file is opened with {@code AUTO_SERVER=TRUE}, so that the CLI works
     * while {@code serve} or a {@code send} has it open (the first process serves the file to the
     * others over loopback TCP); a URL that already says AUTO_SERVER or DB_CLOSE_ON_EXIT is left as it
     * is. An in-memory H2 database keeps {@code DB_CLOSE_ON_EXIT=FALSE}: the application closes the pool
     * itself once what is in flight is recorded. (A signal no longer races H2's own shutdown hook:
     * {@code SignalStop} handles SIGTERM before any hook runs.)
     */
    static String jdbcUrl(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        if (!url.startsWith("jdbc:h2:") || upper.contains("DB_CLOSE_ON_EXIT") || upper.contains("AUTO_SERVER=")) {
            return url;
        }
        return h2File(url).isPresent() ? url + ";AUTO_SERVER=TRUE" : url + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The file of an H2 file URL ({@code jdbc:h2:file:./data/digest}, {@code jdbc:h2:./data/digest}), if it is one. */
    static java.util.Optional<Path> h2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return java.util.Optional.empty();
        }
        String rest = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (rest.startsWith("file:")) {
            return java.util.Optional.of(Path.of(rest.substring("file:".length())));
        }
        boolean other = rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("zip:")
                || rest.startsWith("nio") || rest.startsWith("split:") || rest.startsWith("async:");
        return other ? java.util.Optional.empty() : java.util.Optional.of(Path.of(rest));
    }

    /**
     * For {@code serve} on an H2 file: holds a lock next to it for as long as the process runs, so
     * a second {@code serve} on the same file stops at once and says why. H2 is one node; the CLI
     * may still use the file meanwhile. Empty for PostgreSQL and in-memory H2.
     */
    public static java.util.Optional<AutoCloseable> lockForServe(DatabaseConfig config) {
        java.util.Optional<Path> file = h2File(config.url());
        if (file.isEmpty()) {
            return java.util.Optional.empty();
        }
        Path lock = Path.of(file.get() + ".serve.lock").toAbsolutePath();
        try {
            java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(lock,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE);
            java.nio.channels.FileLock held;
            try {
                held = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
                held = null;
            }
            if (held == null) {
                channel.close();
                throw new DigestException("database.url " + config.url() + ": another digest serve already runs on this H2"
                        + " database (" + lock.getFileName() + " is held). H2 is one node: the CLI works next to that serve,"
                        + " but several serve nodes need PostgreSQL (database.url: jdbc:postgresql://host/db)");
            }
            java.nio.channels.FileLock taken = held;
            return java.util.Optional.of(() -> {
                taken.release();
                channel.close();
            });
        } catch (java.io.IOException e) {
            throw new DigestException("database.url " + config.url() + ": cannot create " + lock + ": " + e.getMessage(), e);
        }
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
