package org.resumen.digest.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * What SIGTERM (or Ctrl-C) does to a long command: the command stops its work, records what is in
 * flight and prints its closing line, and only then the process ends, with the exit code the
 * command chose (the README's codes, never the JVM's 143).
 *
 * <p>The signals are caught with the JDK's signal handler ({@code sun.misc.Signal}, module
 * jdk.unsupported, reached by reflection), not with a shutdown hook: shutdown hooks all run at once,
 * and H2's own would close the database while the messages in flight are still being recorded. A
 * handler runs before any hook; the process is then halted. Where that API is missing, a shutdown
 * hook does the same job.
 */
final class SignalStop {
    private static final String[] SIGNALS = {"TERM", "INT"};
    private final IntSupplier onSignal;
    private final AtomicBoolean fired = new AtomicBoolean();
    private final Map<Object, Object> previous = new LinkedHashMap<>();
    private Thread hook;

    private SignalStop(IntSupplier onSignal) {
        this.onSignal = onSignal;
    }

    /**
     * Installs the handler; {@code onSignal} runs on a signal, must return once everything is
     * recorded and closed, and gives the exit code. Halting there keeps a blocked {@code System.exit}
     * of the main thread from deciding the code.
     */
    static SignalStop install(IntSupplier onSignal) {
        SignalStop stop = new SignalStop(onSignal);
        if (!stop.handleSignals()) {
            stop.hook = new Thread(stop::stopAndHalt, "digest-stop");
            Runtime.getRuntime().addShutdownHook(stop.hook);
        }
        return stop;
    }

    /** Gives the signals back to the JVM when the command ends by itself; a no-op once a signal started the stop. */
    void remove() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running or about to: it ends the process once the command has finished.
            }
            return;
        }
        if (fired.get()) {
            return;
        }
        try {
            Method handle = signalHandle();
            for (Map.Entry<Object, Object> signal : previous.entrySet()) {
                handle.invoke(null, signal.getKey(), signal.getValue());
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // The JVM's handlers stay replaced by ours, which still stop the process cleanly.
        }
    }

    private void stopAndHalt() {
        Runtime.getRuntime().halt(onSignal.getAsInt());
    }

    private void fire() {
        if (fired.compareAndSet(false, true)) {
            Thread stopper = new Thread(this::stopAndHalt, "digest-stop");
            stopper.start();
        }
    }

    private boolean handleSignals() {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Object handler = Proxy.newProxyInstance(handlerClass.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "handle" -> {
                            fire();
                            yield null;
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> "digest-stop";
                    });
            Method handle = signalHandle();
            for (String name : SIGNALS) {
                Object signal = signalClass.getConstructor(String.class).newInstance(name);
                previous.put(signal, handle.invoke(null, signal, handler));
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static Method signalHandle() throws ReflectiveOperationException {
        Class<?> signalClass = Class.forName("sun.misc.Signal");
        return signalClass.getMethod("handle", signalClass, Class.forName("sun.misc.SignalHandler"));
    }
}
