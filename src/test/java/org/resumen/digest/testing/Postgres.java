package org.resumen.digest.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assumptions;
import org.resumen.digest.config.DatabaseConfig;

/**
 * A real PostgreSQL server for the tests, with nothing to install by hand beyond Debian's
 * {@code postgresql} package (which {@code .ci/run} installs).
 *
 * <p>Where it comes from, in order: {@code DIGEST_TEST_POSTGRES_URL} (+ {@code _USER},
 * {@code _PASSWORD}), a server someone already runs; otherwise the PostgreSQL binaries under
 * {@code /usr/lib/postgresql/<version>/bin}: a throw-away cluster is initialised under
 * {@code target/}, started on a free loopback port and stopped when the JVM ends (as root it runs as
 * the {@code postgres} user: PostgreSQL refuses root). Without either the test is skipped with a
 * loud message, except under {@code CI}, where it fails.
 *
 * <p>Every {@link #newDatabase} is a fresh, empty database, so tests do not see each other's rows.
 */
public final class Postgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static Postgres shared;
    private static String unavailable;

    private final String adminUrl;
    private final String user;
    private final String password;

    private Postgres(String adminUrl, String user, String password) {
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The server of this test JVM, started on first use; skips (or, under CI, fails) without one. */
    public static synchronized Postgres server() {
        if (shared == null && unavailable == null) {
            try {
                shared = locate();
            } catch (IOException | InterruptedException | RuntimeException e) {
                unavailable = e.getMessage();
            }
        }
        if (shared == null) {
            String why = "PostgreSQL tests need a server: " + unavailable;
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(why + " (CI is set, so this is a failure, not a skip)");
            }
            System.err.println("\n*** SKIPPED: " + why + " ***\n");
            Assumptions.abort(why);
        }
        return shared;
    }

    /**
     * The environment that puts the application's database on {@code store}: "H2" as the config says
     * (nothing), or "PostgreSQL", a fresh database on this server; for tests run on both.
     */
    public static java.util.Map<String, String> environmentFor(String store) {
        if ("H2".equals(store)) {
            return java.util.Map.of();
        }
        DatabaseConfig database = server().newDatabase();
        return java.util.Map.of("DIGEST_DATABASE_URL", database.url(), "DIGEST_DATABASE_USERNAME", database.username());
    }

    /** A fresh empty database on the server, as the project's database settings. */
    public DatabaseConfig newDatabase() {
        String name = "digest_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(adminUrl, user, password);
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        return new DatabaseConfig(url, user, password);
    }

    private static Postgres locate() throws IOException, InterruptedException {
        String url = System.getenv("DIGEST_TEST_POSTGRES_URL");
        if (url != null && !url.isBlank()) {
            return new Postgres(url, envOr("DIGEST_TEST_POSTGRES_USER", "postgres"),
                    envOr("DIGEST_TEST_POSTGRES_PASSWORD", ""));
        }
        Path bin = binaries();
        if (bin == null) {
            throw new IllegalStateException("DIGEST_TEST_POSTGRES_URL is not set and no PostgreSQL binaries"
                    + " were found under /usr/lib/postgresql/*/bin (apt-get install postgresql)");
        }
        return startCluster(bin);
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return null;
        }
        try (var versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(java.util.Comparator.comparing(Path::toString))
                    .orElse(null);
        }
    }

    private static Postgres startCluster(Path bin) throws IOException, InterruptedException {
        Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "digest-pg-");
        Path data = base.resolve("data");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "postgres", base.toString()), base);
        }
        run(asServerUser(root, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")), base);
        int port = freePort();
        run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                base.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -k " + base + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                "start")), base);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                run(asServerUser(root, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(),
                        "-m", "immediate", "stop")), base);
            } catch (IOException | InterruptedException e) {
                System.err.println("could not stop the test PostgreSQL in " + base + ": " + e.getMessage());
            }
        }, "stop-test-postgres"));
        return new Postgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static List<String> asServerUser(boolean root, List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("command.log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish in 120 s (log: " + log + ")");
        }
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": "
                    + Files.readString(log).strip());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
