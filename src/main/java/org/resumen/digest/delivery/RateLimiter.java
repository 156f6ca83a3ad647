package org.resumen.digest.delivery;

import java.util.function.LongSupplier;

/**
 * Spaces messages evenly over all connections to at most {@code perSecond} per second (0 = unlimited),
 * and adapts to the server: a throttling reply (421, 4.7.x) halves the rate, at most once per
 * {@link #HALVING_GAP_NANOS} so that one burst of replies on every connection counts once; each
 * accepted message then raises it by {@link #RECOVERY} until it is back where it was (AIMD, as TCP
 * does). Without a configured rate the first throttle starts from the rate measured so far, at least
 * {@link #UNLIMITED_START} (early in a send there is too little to measure): later throttles halve
 * it further within seconds if the server needs it slower.
 */
final class RateLimiter {
    /** Waits the given nanoseconds; a seam so tests need not wait for real. */
    interface Sleeper {
        void sleep(long nanos) throws InterruptedException;
    }

    /** The slowest a throttled send goes: one message every five seconds. */
    static final double FLOOR_PER_SECOND = 0.2;
    /** Each accepted message raises a lowered rate by 2 %: it doubles again after about 35 messages. */
    static final double RECOVERY = 0.02;
    static final long HALVING_GAP_NANOS = 1_000_000_000L;
    /** The least an unlimited send is assumed to have been going at when first throttled. */
    static final double UNLIMITED_START = 20;

    private final double configured;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final long started;
    private long nextSlot;
    private long acquired;
    /** The rate in force now; 0 = unlimited. */
    private double perSecond;
    /** The rate a lowered one climbs back to before the configured one (0 = unlimited) applies again. */
    private double recoverTo;
    private long lastHalving = Long.MIN_VALUE;
    private int throttles;
    private double slowest;

    RateLimiter(double perSecond) {
        this(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    RateLimiter(double perSecond, LongSupplier nanoTime, Sleeper sleeper) {
        this.configured = Math.max(0, perSecond);
        this.perSecond = configured;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.started = nanoTime.getAsLong();
        this.nextSlot = started;
    }

    /** Returns when the caller may send its next message. */
    void acquire() throws InterruptedException {
        long wait;
        synchronized (this) {
            acquired++;
            if (perSecond == 0) {
                return;
            }
            long now = nanoTime.getAsLong();
            long slot = Math.max(nextSlot, now);
            nextSlot = slot + (long) (1_000_000_000L / perSecond);
            wait = slot - now;
        }
        if (wait > 0) {
            sleeper.sleep(wait);
        }
    }

    /** The server asked us to slow down: halve the rate (not below {@link #FLOOR_PER_SECOND}). */
    synchronized void throttled() {
        throttles++;
        long now = nanoTime.getAsLong();
        if (lastHalving != Long.MIN_VALUE && now - lastHalving < HALVING_GAP_NANOS) {
            return;
        }
        lastHalving = now;
        if (perSecond == configured) {
            recoverTo = configured > 0 ? configured : measured(now);
        }
        double from = perSecond > 0 ? perSecond : recoverTo;
        perSecond = Math.max(FLOOR_PER_SECOND, from / 2);
        slowest = slowest == 0 ? perSecond : Math.min(slowest, perSecond);
    }

    /** A message was accepted: a lowered rate climbs back slowly. */
    synchronized void succeeded() {
        if (perSecond == configured) {
            return;
        }
        perSecond *= 1 + RECOVERY;
        if (perSecond >= recoverTo) {
            perSecond = configured;
        }
    }

    /** How many throttling replies this send had. */
    synchronized int throttles() {
        return throttles;
    }

    /** The lowest rate (messages per second) throttling brought the send down to; 0 when it never did. */
    synchronized double slowest() {
        return slowest;
    }

    /** The rate in force now (messages per second); 0 = unlimited. */
    synchronized double perSecond() {
        return perSecond;
    }

    // Messages so far over the time so far, counting at least a second: a burst at the start says little.
    private double measured(long now) {
        double seconds = Math.max(1.0, (now - started) / 1e9);
        return Math.max(UNLIMITED_START, acquired / seconds);
    }
}
