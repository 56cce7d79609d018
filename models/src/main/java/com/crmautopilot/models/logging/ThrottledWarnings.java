package com.crmautopilot.models.logging;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Warnings about something that can happen once per record or per attempt (an unreadable record, a webhook that
 * keeps failing): the first is logged at once, later ones at most once per interval, each saying how many were left
 * out since the one before. A metric counts every occurrence; the log only has to show that it is happening and
 * what it looks like, without a line per record during an outage.
 *
 * <p>One per operator instance, made in {@code open()}. Safe to call from several threads (retries run on a timer).
 */
public final class ThrottledWarnings {

    private final Logger log;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private boolean loggedBefore;
    private long lastLoggedNanos;
    private long leftOut;

    public ThrottledWarnings(Logger log, Duration interval) {
        this(log, interval, System::nanoTime);
    }

    ThrottledWarnings(Logger log, Duration interval, LongSupplier nanoClock) {
        this.log = Objects.requireNonNull(log, "log");
        if (interval == null || interval.isNegative()) {
            throw new IllegalArgumentException("interval must not be negative, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Logs {@code format} with {@code arguments} (SLF4J style, a trailing throwable included) unless one was logged
     * less than the interval ago; returns whether it did.
     */
    public boolean warn(String format, Object... arguments) {
        long leftOutBefore;
        synchronized (this) {
            long now = nanoClock.getAsLong();
            if (loggedBefore && now - lastLoggedNanos < intervalNanos) {
                leftOut++;
                return false;
            }
            loggedBefore = true;
            lastLoggedNanos = now;
            leftOutBefore = leftOut;
            leftOut = 0;
        }
        log.warn(leftOutBefore == 0 ? format
                : format + " (" + leftOutBefore + " more like it since the last such warning)", arguments);
        return true;
    }

    /** Warnings left out since the last one logged. */
    public synchronized long leftOut() {
        return leftOut;
    }
}
