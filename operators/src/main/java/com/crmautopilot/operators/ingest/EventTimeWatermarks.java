package com.crmautopilot.operators.ingest;

import org.apache.flink.api.common.eventtime.BoundedOutOfOrdernessWatermarks;
import org.apache.flink.api.common.eventtime.SerializableTimestampAssigner;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.eventtime.WatermarksWithIdleness;

import java.time.Duration;

/**
 * Event-time watermarks for the ingestion source: timestamps from {@code occurred_at}, bounded out-of-orderness,
 * idleness, and dead letters kept out of both.
 */
public final class EventTimeWatermarks {

    /** Producers buffer and retry, but their disorder is bounded: 15 minutes of event time covers it. */
    public static final Duration DEFAULT_OUT_OF_ORDERNESS = Duration.ofMinutes(15);
    /** A partition silent this long (wall clock) stops holding the watermark back. */
    public static final Duration DEFAULT_IDLENESS = Duration.ofSeconds(30);

    private EventTimeWatermarks() {
    }

    /**
     * The watermark strategy for {@link Ingested} records.
     *
     * <p>Dead letters must not move the watermark: their {@code occurred_at} is missing, unparseable or rejected as
     * too far in the future, and one garbage timestamp would push event time ahead and make every valid event late.
     * They keep the record's own (broker) timestamp so they still flow, but the generator never sees them. They do
     * not count as activity either: a partition that carries only garbage goes idle instead of stalling event time.
     *
     * @param outOfOrderness how far behind the newest event an event may still arrive without being late
     * @param idleness       how long a split may stay without valid events before it is marked idle
     */
    public static WatermarkStrategy<Ingested> forIngested(Duration outOfOrderness, Duration idleness) {
        requirePositive(outOfOrderness, "outOfOrderness");
        requirePositive(idleness, "idleness");
        WatermarkStrategy<Ingested> strategy = WatermarkStrategy.forGenerator(context -> new ValidEventsOnly(
                new WatermarksWithIdleness<>(new BoundedOutOfOrdernessWatermarks<>(outOfOrderness), idleness,
                        context.getInputActivityClock())));
        return strategy.withTimestampAssigner((ingested, recordTimestamp) ->
                ingested.isEvent() ? ingested.event().timestampMillis() : recordTimestamp);
    }

    /**
     * The same bounds for an already-decoded record stream (scores, feedback, preferences): event time from
     * {@code timestamp}, bounded out-of-orderness, and idleness so that an empty topic never stalls event time.
     */
    public static <T> WatermarkStrategy<T> of(SerializableTimestampAssigner<T> timestamp, Duration outOfOrderness,
                                              Duration idleness) {
        requirePositive(outOfOrderness, "outOfOrderness");
        requirePositive(idleness, "idleness");
        return WatermarkStrategy.<T>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner(timestamp)
                .withIdleness(idleness);
    }

    public static WatermarkStrategy<Ingested> withDefaults() {
        return forIngested(DEFAULT_OUT_OF_ORDERNESS, DEFAULT_IDLENESS);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + duration);
        }
    }

    /** Passes only valid events to the wrapped generator. */
    static final class ValidEventsOnly implements WatermarkGenerator<Ingested> {
        private final WatermarkGenerator<Ingested> delegate;

        ValidEventsOnly(WatermarkGenerator<Ingested> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onEvent(Ingested ingested, long eventTimestamp, WatermarkOutput output) {
            if (ingested.isEvent()) {
                delegate.onEvent(ingested, eventTimestamp, output);
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            delegate.onPeriodicEmit(output);
        }
    }
}
