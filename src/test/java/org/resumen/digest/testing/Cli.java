package org.resumen.digest.testing;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.resumen.digest.App;
import org.resumen.digest.cli.DigestCommand;

/**
 * Runs the {@code digest} command line in-process at a chosen instant, or as a real JVM (for what
 * only a process has: signals, shutdown hooks, the exit code the OS sees), capturing what a user
 * would see.
 */
public final class Cli {
    /** How long a test waits for a process to reach a state; a safety net, never an assertion on time. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private Cli() {
    }

    /** The exit code and everything printed (standard output and error together). */
    public record Run(int exit, String out) {
    }

    public static Run digest(Clock clock, String... args) {
        StringWriter out = new StringWriter();
        PrintWriter writer = new PrintWriter(out, true);
        int exit = DigestCommand.commandLine(clock, writer, writer).execute(args);
        return new Run(exit, out.toString());
    }

    /** {@code digest ARGS} as its own JVM on the test classpath, working in {@code dir}; output goes to dir/digest.out. */
    public static Process start(Path dir, String... args) {
        return start(dir, java.util.Map.of(), args);
    }

    /** {@link #start(Path, String...)} with {@code environment} added to the process's environment (e.g. DIGEST_ keys). */
    public static Process start(Path dir, java.util.Map<String, String> environment, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8", "-cp", System.getProperty("java.class.path"), App.class.getName()));
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("digest.out").toFile());
            builder.environment().putAll(environment);
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code digest ARGS} as its own JVM in {@code dir} to the end. */
    public static Run jvm(Path dir, String... args) {
        Process process = start(dir, args);
        return new Run(waitFor(process), output(dir));
    }

    /** Sends SIGTERM (as systemd or kill do) and waits for the process to end; returns its exit code. */
    public static int terminate(Process process) {
        process.destroy();
        return waitFor(process);
    }

    public static int waitFor(Process process) {
        try {
            if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                String threads = threadDump(process);
                process.destroyForcibly();
                throw new AssertionError("digest did not end within " + PATIENCE + "; its threads:\n" + threads);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** What the process in {@code dir} printed so far. */
    public static String output(Path dir) {
        try {
            Path out = dir.resolve("digest.out");
            return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code condition} holds (or the process ended, or patience ran out: then fails with its output). */
    public static void awaitUntil(Process process, Path dir, String what, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (!process.isAlive() || Instant.now().isAfter(giveUp)) {
                process.destroyForcibly();
                throw new AssertionError("digest never reached: " + what + "; it printed:\n" + output(dir));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** The .eml files the embedded SMTP server of a process working in {@code folder} wrote to its outbox/, sorted. */
    public static List<String> outbox(Path folder) {
        Path outbox = folder.resolve("outbox");
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(outbox)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What every thread of a process that does not end is doing (jstack of this JDK), for the failure message. */
    private static String threadDump(Process process) {
        Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
        try {
            Process dump = new ProcessBuilder(jstack.toString(), String.valueOf(process.pid())).redirectErrorStream(true).start();
            String text = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            dump.waitFor(30, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }
}
