package com.crmautopilot.operators.profile;

import java.io.Serializable;
import java.time.Duration;

/**
 * Parameters of the lead profile.
 *
 * @param window    length of the rolling engagement window (30 days; the {@code *30d} fields assume it)
 * @param bucket    granularity of window contributions: an event counts as if it happened at the start of its
 *                  bucket, so it leaves the window at {@code bucketStart + window}, at most one bucket early
 * @param retention event-time inactivity after which an open lead's state is dropped
 */
public record LeadProfileConfig(Duration window, Duration bucket, Duration retention) implements Serializable {

    public static final Duration DEFAULT_WINDOW = Duration.ofDays(30);
    public static final Duration DEFAULT_BUCKET = Duration.ofMinutes(1);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);

    public LeadProfileConfig {
        requirePositive(window, "window");
        requirePositive(bucket, "bucket");
        requirePositive(retention, "retention");
        if (window.toMillis() % bucket.toMillis() != 0) {
            throw new IllegalArgumentException("bucket " + bucket + " must divide the window " + window);
        }
        if (retention.compareTo(window) < 0) {
            throw new IllegalArgumentException("retention " + retention + " must be at least the window " + window
                    + ", or state would be dropped while the window still counts it");
        }
    }

    public static LeadProfileConfig defaults() {
        return new LeadProfileConfig(DEFAULT_WINDOW, DEFAULT_BUCKET, DEFAULT_RETENTION);
    }

    public LeadProfileConfig withBucket(Duration newBucket) {
        return new LeadProfileConfig(window, newBucket, retention);
    }

    public LeadProfileConfig withRetention(Duration newRetention) {
        return new LeadProfileConfig(window, bucket, newRetention);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
        if (duration.toMillis() == 0) {
            throw new IllegalArgumentException(name + " must be at least one millisecond, got " + duration);
        }
    }
}
