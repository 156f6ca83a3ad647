package org.resumen.digest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A working copy of the shipped templates and sample subscribers in a folder a test may change. */
public final class DemoCopy {
    private DemoCopy() {
    }

    /**
     * Copies templates/ and subscribers/ into {@code dir} and writes {@code dir/digest.yml} on the
     * shipped demo sources, sending to {@code smtpPort} (see {@link DemoFiles#writeDemoConfig}).
     */
    public static Path create(Path dir, int smtpPort, String database, String extraSources, String extraYaml) {
        copy(Path.of("templates"), dir.resolve("templates"));
        copy(Path.of("subscribers"), dir.resolve("subscribers"));
        return DemoFiles.writeDemoConfig(dir.resolve("digest.yml"), dir.resolve("subscribers"), dir.resolve("templates"),
                smtpPort, database, extraSources, extraYaml);
    }

    private static void copy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
