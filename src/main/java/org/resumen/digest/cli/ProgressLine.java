package org.resumen.digest.cli;

import java.io.PrintWriter;
import org.resumen.digest.delivery.Progress;

/**
 * The live progress line of a send: sent / failed / total and the rate. On a terminal it rewrites
 * one line; otherwise it prints a line at most every five seconds.
 */
final class ProgressLine implements Progress {
    private final PrintWriter out;
    private final boolean terminal = System.console() != null;
    private long started;
    private long lastPrinted;
    private int lastDone = -1;
    private boolean printed;

    ProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public synchronized void update(int done, int sent, int failed, int total) {
        long now = System.nanoTime();
        if (started == 0) {
            started = now;
        }
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (total == 0 || done == lastDone || (now - lastPrinted < interval && done < total)) {
            return;
        }
        lastPrinted = now;
        lastDone = done;
        double seconds = Math.max(1.0, (now - started) / 1e9);
        String line = String.format("Sending: %d/%d done, %d sent, %d failed, %.1f msg/s", done, total, sent, failed, sent / seconds);
        if (terminal) {
            out.print("\r" + line);
        } else {
            out.println(line);
        }
        out.flush();
        printed = true;
    }

    synchronized void finish() {
        if (terminal && printed) {
            out.println();
        }
    }
}
