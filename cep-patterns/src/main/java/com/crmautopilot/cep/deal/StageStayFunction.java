package com.crmautopilot.cep.deal;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;
import java.util.Objects;

/**
 * Per deal (keyed by {@link DealSignal#byOpportunity()}, fed only stage-clock signals): measures each completed stage
 * stay and emits it as a {@link StageStay}. A stay is completed when the deal moves to another stage or is won from
 * it; a lost deal's last stay is not a completed one (it would teach the median how long deals take to die).
 *
 * <p>This is a separate, tiny operator rather than a side output of the deal operator because the medians it feeds
 * flow back into the deal operator, and a dataflow cannot loop.
 *
 * <p>Order: a creation that arrives after the deal's first stage change still yields its stay (the creation's
 * stage, up to that change); older stage changes arriving after newer ones are ignored; a close that arrives first
 * leaves a tombstone, so the deal's late signals start no clock.
 *
 * <p>State: the stage and its entry time, one timer. A closed deal's tombstone is dropped {@code closedRetention}
 * after the close; a deal that goes silent is dropped {@code retention} after its last stage signal.
 */
public final class StageStayFunction extends KeyedProcessFunction<String, DealSignal, StageStay> {

    private final long retention;
    private final long closedRetention;
    private transient ValueState<StageClock> clock;

    public StageStayFunction(Duration retention, Duration closedRetention) {
        this.retention = Objects.requireNonNull(retention, "retention").toMillis();
        this.closedRetention = Objects.requireNonNull(closedRetention, "closedRetention").toMillis();
    }

    @Override
    public void open(OpenContext openContext) {
        clock = getRuntimeContext().getState(DealTriggerState.stageClock());
    }

    @Override
    public void processElement(DealSignal signal, Context ctx, Collector<StageStay> out) throws Exception {
        StageClock state = clock.value();
        if (state != null && state.closed) {
            return;
        }
        switch (signal.kind()) {
            case CREATED -> onCreated(state, signal, ctx, out);
            case STAGE_CHANGED -> onStageChanged(state, signal, ctx, out);
            case CLOSED_WON, CLOSED_LOST -> {
                if (state == null) {
                    state = new StageClock();
                } else if (signal.kind() == DealSignalKind.CLOSED_WON && signal.at() >= state.enteredAt) {
                    out.collect(new StageStay(signal.tenantId(), state.stage, signal.at() - state.enteredAt,
                            signal.at()));
                }
                state.closed = true;
                state.stage = null;
                state.firstChangeAt = null;
                replaceTimer(state, signal.at() + closedRetention, ctx);
                clock.update(state);
            }
            default -> {
                // not a stage-clock signal; the pipeline does not send these
            }
        }
    }

    private void onCreated(StageClock state, DealSignal signal, Context ctx, Collector<StageStay> out)
            throws Exception {
        if (signal.stage() == null) {
            return;
        }
        if (state == null) {
            state = new StageClock();
            state.stage = signal.stage();
            state.enteredAt = signal.at();
            state.createdSeen = true;
        } else if (!state.createdSeen && state.firstChangeAt != null && signal.at() <= state.firstChangeAt) {
            // The creation arrived after the first stage change: the stay in the created stage is now known.
            out.collect(new StageStay(signal.tenantId(), signal.stage(), state.firstChangeAt - signal.at(),
                    state.firstChangeAt));
            state.createdSeen = true;
            state.firstChangeAt = null;
        } else {
            return;
        }
        replaceTimer(state, Math.max(state.enteredAt, signal.at()) + retention, ctx);
        clock.update(state);
    }

    private void onStageChanged(StageClock state, DealSignal signal, Context ctx, Collector<StageStay> out)
            throws Exception {
        if (signal.stage() == null) {
            return;
        }
        if (state == null) {
            state = new StageClock();
            state.firstChangeAt = signal.at();
        } else if (signal.at() < state.enteredAt || signal.stage().equals(state.stage)) {
            return; // older than what the clock knows, or a repeated change to the stage it is in
        } else {
            out.collect(new StageStay(signal.tenantId(), state.stage, signal.at() - state.enteredAt, signal.at()));
        }
        state.stage = signal.stage();
        state.enteredAt = signal.at();
        replaceTimer(state, signal.at() + retention, ctx);
        clock.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StageStay> out) throws Exception {
        StageClock state = clock.value();
        if (state != null && state.timerAt != null && state.timerAt == timestamp) {
            clock.clear();
        }
    }

    private static void replaceTimer(StageClock state, long at, Context ctx) {
        if (state.timerAt != null) {
            if (state.timerAt == at) {
                return;
            }
            ctx.timerService().deleteEventTimeTimer(state.timerAt);
        }
        ctx.timerService().registerEventTimeTimer(at);
        state.timerAt = at;
    }
}
