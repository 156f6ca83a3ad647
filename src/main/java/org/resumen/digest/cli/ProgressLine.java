package org.resumen.digest.cli;

import java.io.PrintWriter;
import org.resumen.digest.delivery.Progress;

/**
 * The live progress line of a send: sent / failed / rejected / total and the rate. On a terminal it rewrites
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
    public void update(int done, int sent, int failedOrRejected, int total) {
        update(done, sent, failedOrRejected, 0, total);
    }

    /** Uses the summary's words: "failed" for what a later run retries, "rejected" for a 5xx refusal. */
    @Override
    public synchronized void update(int done, int sent, int failed, int rejected, int total) {
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
        String line = String.format("Sending: %d/%d done, %d sent, %d failed, %d rejected, %.1f msg/s", done, total, sent, failed,
                rejected, sent / seconds);
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
