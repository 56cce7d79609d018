package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.models.suggest.EntityKind;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The six deal triggers on one keyed operator: per opportunity (key {@link DealSignal#byOpportunity()}), one compact
 * {@link DealState} and one event-time timer, with each trigger's decision in its own {@link DealTrigger} class.
 * CEP would add nothing here: every condition is a fact about the deal's current state plus a time.
 *
 * <p><b>Evaluation.</b> After every signal (at the deal's newest event time) and every timer (at the timer's time),
 * each trigger says whether its situation holds and since when. A situation that starts holding emits a
 * {@link SuggestionCandidate} whose id is {@link SuggestionIds#of} the episode start, a time derived from the deal's
 * history, so a replay emits the same ids. A situation that stops holding (activity came back, a contact engaged,
 * the close date moved, the deal closed, the tenant disabled the trigger) emits the same id with {@code cleared}.
 * Before a signal is applied, the deal's timer times up to the signal's time are run first, so for a deal whose
 * events arrive in order, what fires does not depend on how far the watermark lags (nor on the state backend).
 *
 * <p><b>Broadcast</b> ({@link DealControl}): tenant overrides ({@link DealTriggerState#OVERRIDES}, by
 * {@link TriggerOverride#key}) and tenant stage medians ({@link DealTriggerState#STAGE_MEDIANS}). A deal picks up a
 * change at its next signal or timer, and its timer is never more than {@link DealTriggerConfig#recheck()} away.
 * Broadcast state has no event time: a deal evaluates with the latest median it has received, which during a
 * replay or catch-up (when the broadcast side runs ahead of a lagging key) may be one computed from later stays.
 *
 * <p><b>Timer.</b> Exactly one per deal: the earliest time any trigger's answer could change, the recheck, or the
 * retention. The previous one is deleted before a new one is registered, never stacked.
 *
 * <p><b>Close.</b> A won or lost deal clears its active candidates and becomes a tombstone (ids only) that ignores
 * further signals; its timer drops it {@link DealTriggerConfig#closedRetention()} later. An open deal silent for
 * {@link DealTriggerConfig#openRetention()} (and that long past its close date) is dropped the same way.
 */
public final class DealTriggerFunction
        extends KeyedBroadcastProcessFunction<String, DealSignal, DealControl, SuggestionCandidate> {

    public static final String REASON_CLOSED = "deal_closed";
    public static final String REASON_ENDED = "situation_ended";
    public static final String REASON_DISABLED = "trigger_disabled";
    public static final String REASON_REPLACED = "replaced";

    private static final Logger LOG = LoggerFactory.getLogger(DealTriggerFunction.class);

    private final DealTriggerConfig config;

    private transient ValueState<DealState> deals;
    private transient Map<TriggerType, TriggerSettings> defaults;
    private transient DealTriggerSet defaultSet;
    /** Configured trigger sets of tenants with overrides; rebuilt from broadcast state after a restore. */
    private transient Map<String, DealTriggerSet> tenantSets;
    private transient Counter fired;
    private transient Counter cleared;

    public DealTriggerFunction(DealTriggerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    @Override
    public void open(OpenContext openContext) {
        deals = getRuntimeContext().getState(DealTriggerState.deal());
        defaults = config.defaults();
        defaultSet = DealTriggerSet.of(defaults, type -> null);
        tenantSets = new HashMap<>();
        fired = getRuntimeContext().getMetricGroup().counter("dealCandidatesFired");
        cleared = getRuntimeContext().getMetricGroup().counter("dealCandidatesCleared");
    }

    @Override
    public void processElement(DealSignal signal, ReadOnlyContext ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        DealState state = deals.value();
        if (state == null) {
            // Even a close for a deal never seen is kept (as a tombstone): its creation may still be on its way,
            // out of order, and must not open it.
            state = DealState.of(signal.tenantId(), signal.opportunityId());
        } else if (state.closed) {
            return;
        }
        TimerService timers = ctx.timerService();
        DealTriggerSet triggers = triggersOf(state.tenantId, ctx.getBroadcastState(DealTriggerState.OVERRIDES));
        DealTrigger.StageMedians medians = mediansOf(state.tenantId,
                ctx.getBroadcastState(DealTriggerState.STAGE_MEDIANS));
        catchUp(state, signal.at(), timers, triggers, medians, out);
        DealStateUpdater.apply(state, signal);
        if (state.closed) {
            closeOut(state, signal.kind() == DealSignalKind.CLOSED_WON ? "won" : "lost", out);
            replaceTimer(state, state.closedAt + config.closedRetention().toMillis(), timers);
            deals.update(state);
            return;
        }
        long now = state.asOf;
        evaluate(state, now, triggers, medians, out);
        replaceTimer(state, nextTimer(state, now, timers.currentWatermark(), triggers, medians), timers);
        deals.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SuggestionCandidate> out) throws Exception {
        DealState state = deals.value();
        if (state == null || state.timerAt == null || state.timerAt != timestamp) {
            return;
        }
        state.timerAt = null; // fired, so gone
        if (state.closed || expired(state, timestamp)) {
            deals.clear();
            return;
        }
        long now = Math.max(state.asOf, timestamp);
        DealTriggerSet triggers = triggersOf(state.tenantId, ctx.getBroadcastState(DealTriggerState.OVERRIDES));
        DealTrigger.StageMedians medians = mediansOf(state.tenantId,
                ctx.getBroadcastState(DealTriggerState.STAGE_MEDIANS));
        evaluate(state, now, triggers, medians, out);
        replaceTimer(state, nextTimer(state, now, ctx.timerService().currentWatermark(), triggers, medians),
                ctx.timerService());
        deals.update(state);
    }

    @Override
    public void processBroadcastElement(DealControl control, Context ctx, Collector<SuggestionCandidate> out)
            throws Exception {
        if (control.override() != null) {
            TriggerOverride override = control.override();
            if (DealTriggerSet.TYPES.stream().noneMatch(t -> t.wireName().equals(override.triggerType()))) {
                return;
            }
            // Parse now, on the broadcast side: a bad override is refused here instead of failing every deal.
            // Types are independent, so this override on top of the defaults is the whole check.
            try {
                DealTriggerSet.of(defaults,
                        type -> type.wireName().equals(override.triggerType()) ? override : null);
            } catch (RuntimeException e) {
                LOG.warn("Override of {} for tenant {} refused: {}", override.triggerType(), override.tenantId(),
                        e.getMessage());
                return;
            }
            BroadcastState<String, TriggerOverride> overrides = ctx.getBroadcastState(DealTriggerState.OVERRIDES);
            overrides.put(override.key(), override);
            tenantSets.remove(override.tenantId());
        } else if (control.median() != null) {
            StageMedian median = control.median();
            ctx.getBroadcastState(DealTriggerState.STAGE_MEDIANS).put(median.key(), median);
        }
    }

    /**
     * Runs the deal's due timer times up to {@code until} (an event's time) before the event is applied, exactly as
     * the timers would if the watermark were already there. Without it, what fires would depend on how far the
     * watermark lags: an event could otherwise skip over a situation that held between the timer and itself.
     */
    private void catchUp(DealState state, long until, TimerService timers, DealTriggerSet triggers,
                         DealTrigger.StageMedians medians, Collector<SuggestionCandidate> out) {
        long frontier = Math.max(until, timers.currentWatermark());
        while (state.timerAt != null && state.timerAt <= until && !expired(state, state.timerAt)) {
            long now = Math.max(state.asOf, state.timerAt);
            evaluate(state, now, triggers, medians, out);
            replaceTimer(state, nextTimer(state, now, frontier, triggers, medians), timers);
        }
    }

    private void evaluate(DealState state, long now, DealTriggerSet triggers, DealTrigger.StageMedians medians,
                          Collector<SuggestionCandidate> out) {
        for (DealTrigger trigger : triggers.triggers()) {
            Long start = trigger.enabled() ? trigger.episodeStart(state, now, medians) : null;
            long active = state.activeEpisodes[trigger.slot()];
            if (active != DealState.NEVER) {
                if (start == null) {
                    emitCleared(state, trigger, active, now,
                            trigger.enabled() ? REASON_ENDED : REASON_DISABLED, out);
                } else if (trigger.restartsOnNewStart() && start != active) {
                    emitCleared(state, trigger, active, now, REASON_REPLACED, out);
                    emitFired(state, trigger, start, now, medians, out);
                }
            } else if (start != null) {
                emitFired(state, trigger, start, now, medians, out);
            }
        }
    }

    private void closeOut(DealState state, String outcome, Collector<SuggestionCandidate> out) {
        for (DealTrigger trigger : defaultSet.triggers()) {
            long active = state.activeEpisodes[trigger.slot()];
            if (active != DealState.NEVER) {
                emitCleared(state, trigger, active, state.closedAt, REASON_CLOSED + ":" + outcome, out);
            }
        }
        DealStateUpdater.toTombstone(state);
    }

    private void emitFired(DealState state, DealTrigger trigger, long start, long now,
                           DealTrigger.StageMedians medians, Collector<SuggestionCandidate> out) {
        state.activeEpisodes[trigger.slot()] = start;
        out.collect(candidate(state, trigger, start, now, false, trigger.facts(state, now, medians)));
        fired.inc();
    }

    private void emitCleared(DealState state, DealTrigger trigger, long start, long now, String reason,
                             Collector<SuggestionCandidate> out) {
        state.activeEpisodes[trigger.slot()] = DealState.NEVER;
        Map<String, String> facts = DealFacts.base(state);
        facts.put(DealFacts.CLEARED_REASON, reason);
        out.collect(candidate(state, trigger, start, now, true, facts));
        cleared.inc();
    }

    private static SuggestionCandidate candidate(DealState state, DealTrigger trigger, long start, long now,
                                                 boolean isCleared, Map<String, String> facts) {
        Instant episode = Instant.ofEpochMilli(start);
        Instant closeDate = state.closeEpochDay == null ? null
                : LocalDate.ofEpochDay(state.closeEpochDay).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new SuggestionCandidate(SuggestionIds.of(state.tenantId, trigger.type(), state.opportunityId, episode),
                state.tenantId, state.ownerId, EntityKind.OPPORTUNITY.wireName(), state.opportunityId, state.name,
                trigger.type().wireName(), Instant.ofEpochMilli(now), episode, isCleared, facts, state.amount, null,
                closeDate);
    }

    /**
     * @param frontier the event time known to have been reached (the watermark, or during a catch-up the event's
     *                 time)
     */
    private long nextTimer(DealState state, long now, long frontier, DealTriggerSet triggers,
                           DealTrigger.StageMedians medians) {
        // The recheck only picks up broadcast changes, and broadcast state always holds the latest: when event time
        // is already past it (a replay, a catch-up, the end of a bounded input), one recheck just past the
        // frontier does the job of all the daily ones in between.
        long next = now + config.recheck().toMillis();
        if (frontier >= next) {
            next = frontier == Long.MAX_VALUE ? Long.MAX_VALUE : frontier + 1;
        }
        for (DealTrigger trigger : triggers.triggers()) {
            if (trigger.enabled()) {
                next = Math.min(next, trigger.nextChange(state, now, medians));
            }
        }
        return Math.min(next, Math.max(retentionEnd(state), now + 1));
    }

    private boolean expired(DealState state, long now) {
        return now >= retentionEnd(state);
    }

    /** Silent for the retention since its last event, and that long past its close date when it has one. */
    private long retentionEnd(DealState state) {
        long retention = config.openRetention().toMillis();
        long end = state.asOf + retention;
        if (state.closeEpochDay != null) {
            end = Math.max(end, DealFacts.closeDayEnd(state.closeEpochDay) + retention);
        }
        return end;
    }

    private DealTriggerSet triggersOf(String tenant, ReadOnlyBroadcastState<String, TriggerOverride> overrides)
            throws Exception {
        DealTriggerSet cached = tenantSets.get(tenant);
        if (cached != null) {
            return cached;
        }
        boolean any = false;
        Map<String, TriggerOverride> tenantOverrides = new HashMap<>();
        for (var type : DealTriggerSet.TYPES) {
            TriggerOverride override = overrides.get(TriggerOverride.key(tenant, type.wireName()));
            if (override != null) {
                tenantOverrides.put(type.wireName(), override);
                any = true;
            }
        }
        DealTriggerSet set = any ? DealTriggerSet.of(defaults, t -> tenantOverrides.get(t.wireName()))
                : defaultSet;
        tenantSets.put(tenant, set);
        return set;
    }

    private static DealTrigger.StageMedians mediansOf(String tenant,
                                                      ReadOnlyBroadcastState<String, StageMedian> medians) {
        return stage -> {
            if (stage == null) {
                return null;
            }
            try {
                StageMedian median = medians.get(StageMedian.key(tenant, stage));
                return median == null ? null : median.medianMillis();
            } catch (Exception e) {
                throw new IllegalStateException("broadcast state unreadable", e);
            }
        };
    }

    /** Keeps exactly one timer per deal: the old one is deleted before the new one is registered. */
    private static void replaceTimer(DealState state, long at, TimerService timers) {
        if (state.timerAt != null) {
            if (state.timerAt == at) {
                return;
            }
            timers.deleteEventTimeTimer(state.timerAt);
        }
        timers.registerEventTimeTimer(at);
        state.timerAt = at;
    }
}
