package com.crmautopilot.models.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ThrottledWarningsTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final ThrottledWarnings warnings = new ThrottledWarnings(LoggerFactory.getLogger(getClass()),
            Duration.ofMinutes(1), nanos::get);

    @Test
    void theFirstIsLoggedThenAtMostOnePerIntervalCountingWhatWasLeftOut() {
        assertThat(warnings.warn("record {} unreadable", 1)).isTrue();
        assertThat(warnings.warn("record {} unreadable", 2)).isFalse();
        nanos.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(warnings.warn("record {} unreadable", 3)).isFalse();
        assertThat(warnings.leftOut()).isEqualTo(2);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(warnings.warn("record {} unreadable", 4, new IllegalStateException("why"))).isTrue();
        assertThat(warnings.leftOut()).isZero();
        assertThat(warnings.warn("record {} unreadable", 5)).isFalse();
    }

    @Test
    void aZeroIntervalLogsEveryOneAndANegativeOneIsRefused() {
        ThrottledWarnings every = new ThrottledWarnings(LoggerFactory.getLogger(getClass()), Duration.ZERO,
                nanos::get);
        assertThat(every.warn("a")).isTrue();
        assertThat(every.warn("b")).isTrue();
        assertThatThrownBy(() -> new ThrottledWarnings(LoggerFactory.getLogger(getClass()), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
