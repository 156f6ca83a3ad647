package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The wait between runs for a delivery that keeps failing for now. */
class RetryPolicyTest {
    @Test
    void theWaitStartsAtFiveMinutesAndDoublesWithEachFailedRunUpToFourHours() {
        assertThat(IntStream.range(0, 9).mapToObj(RetryPolicy::backoff).map(Duration::toMinutes))
                .containsExactly(5L, 10L, 20L, 40L, 80L, 160L, 240L, 240L, 240L);
    }

    @Test
    void aDeliveryThatFailedInManyRunsStillWaitsFourHoursAndNoMore() {
        assertThat(RetryPolicy.backoff(1_000)).isEqualTo(Duration.ofHours(4));
    }
}
