package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Where a lead's one event-time timer goes. While the lead is within {@code decayHorizon} of its last activity the
 * timer rescores it: at the earliest window expiry, or {@code maxInterval} after the last scoring, whichever comes
 * first, so recency features decay a day at a time. After the horizon the score is left where decay brought it
 * (only a new event changes it), and the timer moves to the cleanup point, {@code retention} after the last
 * activity, where the lead's state is dropped.
 *
 * @param maxInterval  the longest a scored lead waits for a rescore (24 h)
 * @param decayHorizon quiet time after which time alone no longer rescores (90 days): a lead silent for a quarter
 *                     has decayed, and rescoring it daily forever would cost a timer per lead per day
 * @param retention    quiet time after which the lead's state is dropped (365 days, like the profile's)
 */
public record RescoreSchedule(Duration maxInterval, Duration decayHorizon, Duration retention) implements Serializable {

    public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofHours(24);
    public static final Duration DEFAULT_DECAY_HORIZON = Duration.ofDays(90);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(365);

    public RescoreSchedule {
        requirePositive(maxInterval, "maxInterval");
        requirePositive(decayHorizon, "decayHorizon");
        requirePositive(retention, "retention");
        if (retention.compareTo(decayHorizon) < 0) {
            throw new IllegalArgumentException("retention " + retention + " must be at least the decay horizon "
                    + decayHorizon);
        }
    }

    public static RescoreSchedule defaults() {
        return new RescoreSchedule(DEFAULT_MAX_INTERVAL, DEFAULT_DECAY_HORIZON, DEFAULT_RETENTION);
    }

    /**
     * The lead's next timer.
     *
     * @param now          event time of the scoring that just happened, epoch millis
     * @param windowExpiry the earliest window expiry if known, else null
     */
    public Plan next(LeadProfile profile, long now, Instant windowExpiry) {
        long lastActivity = lastActivityMillis(profile);
        long decayEnd = lastActivity + decayHorizon.toMillis();
        if (now < decayEnd) {
            long next = Math.min(saturatedAdd(now, maxInterval.toMillis()), decayEnd);
            if (windowExpiry != null && windowExpiry.toEpochMilli() > now) {
                next = Math.min(next, windowExpiry.toEpochMilli());
            }
            return new Plan(next, true);
        }
        return new Plan(Math.max(saturatedAdd(lastActivity, retention.toMillis()), now + 1), false);
    }

    static long lastActivityMillis(LeadProfile profile) {
        Instant last = profile.lastActivityAt() != null ? profile.lastActivityAt() : profile.asOf();
        return Objects.requireNonNull(last, "a profile has an as_of").toEpochMilli();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }

    /**
     * @param at      the timer's event time, epoch millis
     * @param rescore true for a rescore, false for the cleanup that drops the lead
     */
    public record Plan(long at, boolean rescore) {

        /** The {@code next_rescore} a score announces: the timer if it rescores, else none. */
        public Instant nextRescore() {
            return rescore ? Instant.ofEpochMilli(at) : null;
        }
    }
}
