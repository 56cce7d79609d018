package com.crmautopilot.sinks.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A token bucket per webhook URL, by reservation: each message takes a token now or books the next one, and learns
 * how long to wait for it. So messages to one webhook leave at the allowed rate in arrival order, while other
 * webhooks are not held up. A 429's {@code Retry-After} pauses the whole webhook, not only the message that got it.
 *
 * <p>Thread-safe. Only the most recently used buckets are kept; forgetting an idle one costs nothing, since an idle
 * bucket is full anyway.
 */
final class WebhookRateLimiter {

    private static final int MAX_BUCKETS = 10_000;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final double permitsPerNano;
    private final int burst;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_BUCKETS;
        }
    };

    WebhookRateLimiter(double permitsPerSecond, int burst, LongSupplier nanoTime) {
        this.permitsPerNano = permitsPerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.nanoTime = nanoTime;
    }

    /** Books a send to {@code url}; returns how many nanoseconds to wait before making it. */
    synchronized long reserve(String url) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(url, key -> new Bucket(burst, now));
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.refilledAt) * permitsPerNano);
        bucket.refilledAt = now;
        long pausedFor = Math.max(0, bucket.pausedUntil - now);
        long tokenWait = bucket.tokens >= 1.0 ? 0 : (long) Math.ceil((1.0 - bucket.tokens) / permitsPerNano);
        bucket.tokens -= 1.0;
        return Math.max(pausedFor, tokenWait);
    }

    /** Holds every send to {@code url} for {@code nanos} from now (a 429's {@code Retry-After}). */
    synchronized void pause(String url, long nanos) {
        long now = nanoTime.getAsLong();
        Bucket bucket = buckets.computeIfAbsent(url, key -> new Bucket(burst, now));
        bucket.pausedUntil = Math.max(bucket.pausedUntil, now + nanos);
    }

    private static final class Bucket {
        double tokens;
        long refilledAt;
        long pausedUntil;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
            this.pausedUntil = now;
        }
    }
}
