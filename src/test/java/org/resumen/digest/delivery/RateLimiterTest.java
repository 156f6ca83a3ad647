package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** smtp.max-per-second, on a clock the test moves: which instants the messages may leave at. */
class RateLimiterTest {
    private long now;
    private final List<Long> departures = new ArrayList<>();

    private RateLimiter limiter(double perSecond) {
        return new RateLimiter(perSecond, () -> now, nanos -> now += nanos);
    }

    private void send(RateLimiter limiter, int messages) throws InterruptedException {
        for (int i = 0; i < messages; i++) {
            limiter.acquire();
            departures.add(now);
        }
    }

    @Test
    void tenPerSecondSendsOneMessageEveryHundredMilliseconds() throws InterruptedException {
        send(limiter(10), 5);
        assertThat(departures).containsExactly(0L, 100_000_000L, 200_000_000L, 300_000_000L, 400_000_000L);
    }

    @Test
    void timeSpentElsewhereCountsTowardsTheNextSlot() throws InterruptedException {
        RateLimiter limiter = limiter(2);
        send(limiter, 1);
        now += 800_000_000L;
        send(limiter, 2);
        assertThat(departures).containsExactly(0L, 800_000_000L, 1_300_000_000L);
    }

    @Test
    void zeroMeansUnlimited() throws InterruptedException {
        send(limiter(0), 1000);
        assertThat(departures).hasSize(1000).containsOnly(0L);
    }

    @Test
    void aThrottleHalvesTheRateAndAcceptedMessagesBringItBackSlowly() throws InterruptedException {
        RateLimiter limiter = limiter(10);
        limiter.throttled();
        assertThat(limiter.perSecond()).isEqualTo(5.0);

        send(limiter, 3);
        assertThat(departures).containsExactly(0L, 200_000_000L, 400_000_000L);
        limiter.succeeded();
        assertThat(limiter.perSecond()).isEqualTo(5.1);
        for (int i = 0; i < 40; i++) {
            limiter.succeeded();
        }
        assertThat(limiter.perSecond()).isEqualTo(10.0);
        assertThat(limiter.slowest()).isEqualTo(5.0);
        assertThat(limiter.throttles()).isEqualTo(1);
    }

    @Test
    void aBurstOfThrottlesOnEveryConnectionHalvesOnceASecondThenAgain() {
        RateLimiter limiter = limiter(40);
        limiter.throttled();
        limiter.throttled();
        limiter.throttled();
        assertThat(limiter.perSecond()).isEqualTo(20.0);

        now += RateLimiter.HALVING_GAP_NANOS;
        limiter.throttled();
        assertThat(limiter.perSecond()).isEqualTo(10.0);
        assertThat(limiter.throttles()).isEqualTo(4);
    }

    @Test
    void anUnlimitedSendThrottledStartsFromHalfTheRateItReachedAndNeverGoesBelowTheFloor() throws InterruptedException {
        RateLimiter limiter = limiter(0);
        send(limiter, 300);
        now += 3_000_000_000L;
        limiter.throttled();
        assertThat(limiter.perSecond()).isEqualTo(50.0);

        for (int i = 0; i < 10; i++) {
            now += RateLimiter.HALVING_GAP_NANOS;
            limiter.throttled();
        }
        assertThat(limiter.perSecond()).isEqualTo(RateLimiter.FLOOR_PER_SECOND);
    }

    @Test
    void anUnlimitedSendThrottledAtOnceStartsFromHalfOfTwentyPerSecond() {
        RateLimiter limiter = limiter(0);
        limiter.throttled();
        assertThat(limiter.perSecond()).isEqualTo(RateLimiter.UNLIMITED_START / 2);
    }

    @Test
    void anUnlimitedSendRecoveredToItsFormerRateIsUnlimitedAgain() {
        RateLimiter limiter = limiter(0);
        limiter.throttled();
        for (int i = 0; i < 100; i++) {
            limiter.succeeded();
        }
        assertThat(limiter.perSecond()).isZero();
    }
}
