package com.crmautopilot.sinks.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryPolicyTest {

    private final RetryPolicy policy =
            new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2, Duration.ofMinutes(15));

    @Test
    void doublesTheWaitFromRetryToRetryUpToTheCap() {
        assertThat(policy.backoff(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoff(5, 0.5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.backoff(7, 0.5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.backoff(500, 0.5)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void spreadsEachWaitWithinItsJitterBand() {
        assertThat(policy.backoff(3, 0.0)).isEqualTo(Duration.ofMillis(3_200));
        assertThat(policy.backoff(3, 0.999_999)).isBetween(Duration.ofMillis(4_799), Duration.ofMillis(4_800));
        assertThat(policy.backoff(9, 0.999_999)).as("never past the cap").isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofSeconds(1), 2, 0.1, Duration.ofMinutes(1)))
                .hasMessageContaining("initial backoff");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2, 0.1,
                Duration.ofMinutes(1))).hasMessageContaining("max backoff");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0.5, 0.1,
                Duration.ofMinutes(1))).hasMessageContaining("multiplier");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 2, 1.0,
                Duration.ofMinutes(1))).hasMessageContaining("jitter");
    }
}
