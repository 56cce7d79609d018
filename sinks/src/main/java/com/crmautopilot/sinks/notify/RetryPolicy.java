package com.crmautopilot.sinks.notify;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How a channel retries a send that failed for a reason that may pass (a server down, a 5xx, a 429, a timeout):
 * exponential backoff with jitter, for a bounded time. A notification still undelivered when the budget is spent
 * is dead-lettered as {@code delivery_failed}, so a long outage costs dead letters to replay, never silent loss
 * and never a job stuck behind one destination forever.
 *
 * @param initialBackoff the wait before the first retry
 * @param maxBackoff     the cap on any one wait (a receiver's {@code Retry-After} may exceed it)
 * @param multiplier     the growth of the wait from one retry to the next
 * @param jitter         the spread of each wait, as a fraction of it (0.2: ±20 %), so that senders which failed
 *                       together do not retry together
 * @param giveUpAfter    the retry budget, from the first attempt
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, double multiplier, double jitter,
                          Duration giveUpAfter) implements Serializable {

    public RetryPolicy {
        requirePositive(initialBackoff, "initial backoff");
        requirePositive(maxBackoff, "max backoff");
        requirePositive(giveUpAfter, "give-up-after");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("max backoff " + maxBackoff + " is below the initial backoff "
                    + initialBackoff);
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("backoff multiplier must be at least 1, got " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), 2.0, 0.2, Duration.ofMinutes(15));
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry).
     *
     * @param uniform a random number in [0, 1) that places the wait in its jitter band
     */
    public Duration backoff(int retry, double uniform) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, got " + retry);
        }
        double base = Math.min(maxBackoff.toNanos(),
                initialBackoff.toNanos() * Math.pow(multiplier, Math.min(retry - 1, 62)));
        double spread = 1.0 - jitter + 2.0 * jitter * uniform;
        return Duration.ofNanos((long) Math.min(maxBackoff.toNanos(), base * spread));
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }
}
