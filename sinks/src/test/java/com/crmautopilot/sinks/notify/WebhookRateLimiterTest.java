package com.crmautopilot.sinks.notify;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookRateLimiterTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private final AtomicLong now = new AtomicLong(1_000 * SECOND);

    @Test
    void spacesMessagesToOneWebhookAtTheRateInArrivalOrder() {
        WebhookRateLimiter limiter = new WebhookRateLimiter(1.0, 1, now::get);

        assertThat(limiter.reserve("a")).isZero();
        assertThat(limiter.reserve("a")).isEqualTo(SECOND);
        assertThat(limiter.reserve("a")).isEqualTo(2 * SECOND);
        now.addAndGet(2 * SECOND);
        assertThat(limiter.reserve("a")).as("the backlog drained by two").isEqualTo(SECOND);
    }

    @Test
    void webhooksDoNotHoldEachOtherUp() {
        WebhookRateLimiter limiter = new WebhookRateLimiter(1.0, 1, now::get);

        limiter.reserve("a");
        limiter.reserve("a");

        assertThat(limiter.reserve("b")).isZero();
    }

    @Test
    void aQuietWebhookTakesItsBurstAtOnce() {
        WebhookRateLimiter limiter = new WebhookRateLimiter(1.0, 3, now::get);

        assertThat(limiter.reserve("a")).isZero();
        assertThat(limiter.reserve("a")).isZero();
        assertThat(limiter.reserve("a")).isZero();
        assertThat(limiter.reserve("a")).isEqualTo(SECOND);
        now.addAndGet(60 * SECOND);
        assertThat(limiter.reserve("a")).as("refilled, but never past the burst").isZero();
    }

    @Test
    void aRetryAfterPausesTheWholeWebhook() {
        WebhookRateLimiter limiter = new WebhookRateLimiter(10.0, 1, now::get);
        limiter.reserve("a");

        limiter.pause("a", 5 * SECOND);

        assertThat(limiter.reserve("a")).isEqualTo(5 * SECOND);
        assertThat(limiter.reserve("b")).isZero();
    }
}
