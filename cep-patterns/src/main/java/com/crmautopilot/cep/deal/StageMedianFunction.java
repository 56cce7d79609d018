package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerSettings;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * Per tenant and stage (keyed by {@link StageStay#byTenantStage()}): the median of the most recent
 * {@code sample_size} completed stays, emitted as a {@link StageMedian} once {@code min_sample} stays were seen and
 * then only when it moves by more than {@link #RELATIVE_CHANGE} (and at least a minute), so the broadcast that
 * carries medians to every deal operator stays a trickle: a handful of updates per tenant and stage.
 *
 * <p>State: one fixed-size ring buffer per tenant and stage. A sample that sees no stay for {@code retention} is
 * dropped by its one timer. Its last median stays in the deal operators' broadcast state (one small entry per tenant
 * and stage, so bounded): withdrawing it would reach them ahead of event time when the watermark jumps (a replay, the
 * end of a bounded input) and take the median away from timers still due before the expiry.
 */
public final class StageMedianFunction extends KeyedProcessFunction<String, StageStay, StageMedian> {

    /** Smaller moves of the median are not worth a broadcast. */
    public static final double RELATIVE_CHANGE = 0.05;
    private static final long MINUTE = 60_000L;

    private final int minSample;
    private final int capacity;
    private final long retention;
    private transient ValueState<StageSample> sample;

    public StageMedianFunction(int minSample, int capacity, Duration retention) {
        if (capacity < 1 || minSample < 1 || minSample > capacity) {
            throw new IllegalArgumentException("need 1 <= min_sample <= sample_size, got " + minSample + " and "
                    + capacity);
        }
        this.minSample = minSample;
        this.capacity = capacity;
        this.retention = Objects.requireNonNull(retention, "retention").toMillis();
    }

    /** Sized by {@code deal_stalled}'s {@code min_sample} and {@code sample_size}. */
    public static StageMedianFunction from(TriggerSettings stalled, Duration retention) {
        return new StageMedianFunction(stalled.integer("min_sample"), stalled.integer("sample_size"), retention);
    }

    @Override
    public void open(OpenContext openContext) {
        sample = getRuntimeContext().getState(DealTriggerState.stageSample());
    }

    @Override
    public void processElement(StageStay stay, Context ctx, Collector<StageMedian> out) throws Exception {
        StageSample state = sample.value();
        if (state == null) {
            state = new StageSample();
            state.tenantId = stay.tenantId();
            state.stage = stay.stage();
            state.durations = new long[capacity];
        }
        state.durations[state.next] = stay.durationMillis();
        state.next = (state.next + 1) % state.durations.length;
        state.size = Math.min(state.size + 1, state.durations.length);
        state.lastStayAt = Math.max(state.lastStayAt, stay.endedAt());
        if (state.size >= minSample) {
            long median = median(state.durations, state.size);
            if (movedEnough(state.emittedMedian, median)) {
                state.emittedMedian = median;
                out.collect(new StageMedian(state.tenantId, state.stage, median, state.size, state.lastStayAt));
            }
        }
        long cleanupAt = state.lastStayAt + retention;
        if (state.timerAt == null || state.timerAt != cleanupAt) {
            if (state.timerAt != null) {
                ctx.timerService().deleteEventTimeTimer(state.timerAt);
            }
            ctx.timerService().registerEventTimeTimer(cleanupAt);
            state.timerAt = cleanupAt;
        }
        sample.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StageMedian> out) throws Exception {
        StageSample state = sample.value();
        if (state == null || state.timerAt == null || state.timerAt != timestamp) {
            return;
        }
        sample.clear();
    }

    /** The median of the first {@code size} values; the mean of the middle two for an even count. */
    static long median(long[] values, int size) {
        long[] sorted = Arrays.copyOf(values, size);
        Arrays.sort(sorted);
        int mid = size / 2;
        return size % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static boolean movedEnough(long previous, long median) {
        if (previous < 0) {
            return true;
        }
        long delta = Math.abs(median - previous);
        return delta >= MINUTE && delta > RELATIVE_CHANGE * previous;
    }
}
