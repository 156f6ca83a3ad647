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
}
