package org.resumen.digest.delivery;

import java.time.Duration;

/**
 * How temporary failures (4xx, lost or refused connections) are retried. Within one run: up to
 * {@code attempts} tries with a pause doubling from {@code firstPause}; after
 * {@code maxConnectionFailuresInARow} connection failures in a row the run pauses, leaving the rest
 * due, so a dead server does not keep the run busy for hours. Across runs: a delivery still failing
 * after a run's tries waits {@link #backoff} before any run or node claims it again.
 */
public record RetryPolicy(int attempts, Duration firstPause, int maxConnectionFailuresInARow) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(2), 10);
    /** The wait after a delivery's first failed run; it doubles with each further one. */
    static final Duration FIRST_BACKOFF = Duration.ofMinutes(5);
    /** The longest wait between two runs' tries of one delivery. */
    static final Duration MAX_BACKOFF = Duration.ofHours(4);

    Duration pauseBefore(int attempt) {
        return firstPause.multipliedBy(1L << Math.max(0, attempt - 2));
    }

    /**
     * How long a delivery waits for its next run after failing in one, given how many runs it had
     * failed in before: 5 min, 10 min, 20 min, … at most 4 h.
     */
    static Duration backoff(int failedRunsBefore) {
        int doublings = Math.min(Math.max(0, failedRunsBefore), 16);
        Duration wait = FIRST_BACKOFF.multipliedBy(1L << doublings);
        return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
    }
}
