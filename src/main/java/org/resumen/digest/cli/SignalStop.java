package org.resumen.digest.cli;

import java.util.function.IntSupplier;

/**
 * What SIGTERM (or Ctrl-C) does to a long command: a JVM shutdown hook that lets the command stop
 * its work, record what is in flight and print its closing line, and only then ends the process,
 * with the exit code the command chose (the README's codes, never the JVM's 143).
 */
final class SignalStop {
    private final Thread hook;

    private SignalStop(IntSupplier onSignal) {
        this.hook = new Thread(() -> Runtime.getRuntime().halt(onSignal.getAsInt()), "digest-stop");
    }

    /**
     * Installs the hook; {@code onSignal} runs on a signal, must return once everything is recorded
     * and closed, and gives the exit code. Halting there keeps a blocked {@code System.exit} of the
     * main thread from deciding the code.
     */
    static SignalStop install(IntSupplier onSignal) {
        SignalStop stop = new SignalStop(onSignal);
        Runtime.getRuntime().addShutdownHook(stop.hook);
        return stop;
    }

    /** Removes the hook when the command ends by itself; a no-op once a signal started the shutdown. */
    void remove() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or about to: it ends the process once the command has finished.
        }
    }
}
