package org.resumen.digest.delivery;

import java.time.Duration;

/**
 * How temporary failures (4xx, lost or refused connections) are retried within one run: up to
 * {@code attempts} tries with a pause doubling from {@code firstPause}. After
 * {@code maxConnectionFailuresInARow} connection failures in a row the run stops and records the
 * rest as failed, so a dead server does not keep the run busy for hours.
 */
public record RetryPolicy(int attempts, Duration firstPause, int maxConnectionFailuresInARow) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(2), 10);

    Duration pauseBefore(int attempt) {
        return firstPause.multipliedBy(1L << Math.max(0, attempt - 2));
    }
}
