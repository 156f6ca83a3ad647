package org.resumen.digest.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When a send pauses: half of the last 100 attempts failed, counting only once there were 20. */
class ErrorBudgetTest {
    private final ErrorBudget budget = new ErrorBudget();

    private void record(int attempts, boolean failed) {
        for (int i = 0; i < attempts; i++) {
            budget.record(failed, failed ? "451 4.3.0 try later" : "250 ok");
        }
    }

    @Test
    void nineteenFailuresInARowAreNotEnoughToJudgeTheTwentiethIs() {
        record(19, true);
        assertThat(budget.exhausted()).isEmpty();

        record(1, true);
        assertThat(budget.exhausted()).hasValue("error budget: 20 of the last 20 attempts failed (the limit is 50 % of the"
                + " last 100, at least 20 attempts); last: 451 4.3.0 try later");
    }

    @Test
    void halfOfTheAttemptsFailedPausesJustUnderHalfDoesNot() {
        record(11, false);
        record(10, true);
        assertThat(budget.exhausted()).isEmpty();

        record(1, true);
        assertThat(budget.exhausted()).isPresent();
    }

    @Test
    void onlyTheLastHundredAttemptsCount() {
        record(60, true);
        record(100, false);
        assertThat(budget.exhausted()).isEmpty();

        record(49, true);
        assertThat(budget.exhausted()).isEmpty();
        record(1, true);
        assertThat(budget.exhausted()).get().asString().startsWith("error budget: 50 of the last 100 attempts failed");
    }
}
