package dev.muster.jobs.entity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    @Test
    void theBackoffDoublesPerRetryWithinItsJitter() {
        RetryPolicy policy = RetryPolicy.of(10, List.of(), 5);
        assertThat(policy.delayBefore(1, 0.0)).isEqualTo(Duration.ofMillis(2500));
        assertThat(policy.delayBefore(1, 0.999999)).isBetween(Duration.ofMillis(4999), Duration.ofSeconds(5));
        assertThat(policy.delayBefore(2, 1.0)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.delayBefore(3, 1.0)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theBackoffIsCappedAndNeverOverflows() {
        RetryPolicy policy = RetryPolicy.of(100, List.of(), 3600);
        assertThat(policy.delayBefore(2, 1.0)).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(policy.delayBefore(99, 1.0)).isEqualTo(RetryPolicy.MAX_DELAY);
        assertThat(RetryPolicy.of(3, List.of(), 0).delayBefore(2, 0.5)).isZero();
    }

    @Test
    void exitCodesRoundTripThroughTheirColumn() {
        RetryPolicy policy = RetryPolicy.of(3, List.of(75, 3, 75), 1);
        assertThat(policy.exitCodesColumn()).isEqualTo("3,75");
        assertThat(RetryPolicy.parseExitCodes("3,75")).containsExactly(3, 75);
        assertThat(RetryPolicy.parseExitCodes("")).isEmpty();
        assertThat(policy.retriesExitCode(75)).isTrue();
        assertThat(policy.retriesExitCode(null)).isFalse();
    }

    @Test
    void aPolicyNeedsAtLeastOneAttempt() {
        assertThatThrownBy(() -> RetryPolicy.of(0, List.of(), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
