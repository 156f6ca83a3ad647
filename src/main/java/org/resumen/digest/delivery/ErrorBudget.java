package org.resumen.digest.delivery;

import java.util.Optional;

/**
 * How much failure one send tolerates before it pauses: when at least {@link #SHARE_PERCENT} % of
 * the last {@link #WINDOW} SMTP attempts over all connections failed for now (4xx, no connection),
 * and there were at least {@link #MIN_ATTEMPTS} of them, the server is in trouble and more tries
 * only burn the deliveries' attempts (and the sender's reputation). Accepted messages and
 * permanent refusals of one recipient count as working attempts; throttling replies are not
 * counted (they slow the send down instead). Shared by the workers of one run.
 */
final class ErrorBudget {
    static final int WINDOW = 100;
    static final int MIN_ATTEMPTS = 20;
    static final int SHARE_PERCENT = 50;

    private final boolean[] failed = new boolean[WINDOW];
    private int recorded;
    private int failures;
    private String lastFailure = "";

    /** Records one attempt's result; {@code reply}: the server's answer when it failed. */
    synchronized void record(boolean attemptFailed, String reply) {
        int slot = recorded % WINDOW;
        if (recorded >= WINDOW && failed[slot]) {
            failures--;
        }
        failed[slot] = attemptFailed;
        if (attemptFailed) {
            failures++;
            lastFailure = reply;
        }
        recorded++;
    }

    /** Why the send must pause now ("error budget: 12 of the last 20 attempts failed …"); empty while within budget. */
    synchronized Optional<String> exhausted() {
        int window = Math.min(recorded, WINDOW);
        if (window < MIN_ATTEMPTS || failures * 100 < SHARE_PERCENT * window) {
            return Optional.empty();
        }
        return Optional.of("error budget: " + failures + " of the last " + window + " attempts failed (the limit is "
                + SHARE_PERCENT + " % of the last " + WINDOW + ", at least " + MIN_ATTEMPTS + " attempts); last: " + lastFailure);
    }
}
