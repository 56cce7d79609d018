package com.crmautopilot.sinks.notify;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:15:00Z");

    @Test
    void readsSecondsAndHttpDatesAndCapsThem() {
        assertThat(RetryAfter.parse("30", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:16:00 GMT", NOW)).contains(Duration.ofMinutes(1));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
        assertThat(RetryAfter.parse("86400", NOW)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    }
}
