package com.crmautopilot.simulator.kafka;

import java.util.function.LongSupplier;

/**
 * Says how long to wait before sending the next record so that a run keeps its {@link Pacing}. It schedules
 * against the run's start, not the previous record, so short stalls are caught up and the average rate holds.
 * Out-of-order records never move the event-time clock backwards.
 */
public final class Pacer {

    private final Pacing pacing;
    private final LongSupplier nanoClock;
    private long startNanos = Long.MIN_VALUE;
    private long firstEventMillis;
    private long maxEventMillis;

    public Pacer(Pacing pacing, LongSupplier nanoClock) {
        this.pacing = pacing;
        this.nanoClock = nanoClock;
    }

    /** Nanoseconds to wait before sending the record with this index (from 0) and event time; 0 when it is due. */
    public long waitNanos(long recordIndex, long eventTimeMillis) {
        long now = nanoClock.getAsLong();
        if (startNanos == Long.MIN_VALUE) {
            startNanos = now;
            firstEventMillis = eventTimeMillis;
            maxEventMillis = eventTimeMillis;
        }
        maxEventMillis = Math.max(maxEventMillis, eventTimeMillis);
        long dueOffsetNanos = switch (pacing.mode()) {
            case UNLIMITED -> 0;
            case EVENTS_PER_SECOND -> (long) (recordIndex * 1e9 / pacing.rate());
            case TIME_COMPRESSION -> (long) ((maxEventMillis - firstEventMillis) * 1e6 / pacing.rate());
        };
        return Math.max(0, startNanos + dueOffsetNanos - now);
    }
}
