package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.FeedbackAction;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The suggestion engine, keyed by (tenant, user): suggestions are per owner.
 *
 * <p><b>Candidates</b>: a candidate whose (trigger, entity) slot is cooling down or snoozed is kept for the audit
 * as {@code suppressed} and goes nowhere; a candidate whose {@code suggestion_id} this key already holds (a replay)
 * changes nothing and emits nothing. Otherwise it is planned ({@link SuggestionPlanner}: text, learned priority,
 * routing after preferences), emitted as {@code active} on the main output, and delivered: pushes at once, or held
 * until quiet hours end; digest items queued for the user's next digest. A {@code cleared} candidate withdraws its
 * suggestion if it is still held or queued (emitted again as {@code withdrawn}, and its slot reopened, since the
 * user never saw it); once delivered it stays.
 *
 * <p><b>Feedback</b> updates the user's Beta counts per trigger type ({@link FeedbackWeights}: each suggestion
 * counts once, its latest answer wins) and a dismissal or snooze keeps the slot quiet for the trigger's snooze
 * period (or the snooze's own end). <b>Preferences</b> are merged field by field onto the user's stored ones; the
 * tenant's defaults and pooled acceptance arrive as broadcast {@link TenantSignal}s.
 *
 * <p><b>Timers</b> (event time, at most three per key, see {@link EngineTimers}): the release of held pushes, the
 * daily digest (HTML and text, grouped by priority, at the user's digest hour in their zone) and the sweep, which
 * drops expired slots and outcomes weekly ({@link #SWEEP_INTERVAL}) and, once the key has been idle for
 * {@code idleRetention}, all its state.
 *
 * <p><b>Outputs</b>: {@link Suggestion}s (main) and {@link Notification}s on {@link #NOTIFICATIONS}, one per
 * channel, with ids from {@link com.crmautopilot.models.suggest.SuggestionIds#notification}. Candidates with no
 * owner are planned and emitted as suggestions with a null user and no channels (the dashboard lists them as
 * unassigned); they are never delivered, since no preference names a default recipient.
 */
public final class SuggestionEngineFunction
        extends KeyedBroadcastProcessFunction<String, EngineInput, TenantSignal, Suggestion> {

    public static final OutputTag<Notification> NOTIFICATIONS =
            new OutputTag<>("notifications", TypeInformation.of(Notification.class));

    public static final MapStateDescriptor<String, TenantContext> TENANT_CONTEXT =
            new MapStateDescriptor<>("tenant-context", Types.STRING, TypeInformation.of(TenantContext.class));

    /**
     * Counts preference records taken into state: a user's own once, a tenant's defaults once per parallel instance
     * (they are broadcast). Lets an operator, or a test, see that preferences are in before suggestions flow.
     */
    public static final String PREFERENCES_APPLIED = "preferences_applied";
    public static final String PREFERENCES_STATE = "user-preferences";
    public static final String ACCEPTANCE_STATE = "user-acceptance";
    public static final String SLOTS_STATE = "slots";
    public static final String OUTCOMES_STATE = "outcomes";
    public static final String PENDING_STATE = "pending";
    public static final String TIMERS_STATE = "timers";
    public static final List<String> STATE_NAMES =
            List.of(PREFERENCES_STATE, ACCEPTANCE_STATE, SLOTS_STATE, OUTCOMES_STATE, PENDING_STATE, TIMERS_STATE);

    /**
     * How often a key's expired slots and outcomes are dropped. A sweep reads every slot and outcome of the user,
     * and a busy rep holds thousands: swept daily, it took half of the engine's CPU in {@code bench suggest}.
     * Reads never depend on it (a slot's quiet period is checked when read; an outcome kept a little past its
     * retention only lets a late answer correct its own earlier count), so a week only bounds how long an expired
     * entry lingers.
     */
    static final Duration SWEEP_INTERVAL = Duration.ofDays(7);
    private static final long SWEEP_MILLIS = SWEEP_INTERVAL.toMillis();

    private final SuggestionSettings settings;

    private transient SuggestionPlanner planner;
    private transient NotificationFactory factory;
    private transient ValueState<UserPreferences> preferences;
    private transient ValueState<AcceptanceCounts> acceptance;
    private transient MapState<String, SlotState> slots;
    private transient MapState<String, OutcomeState> outcomes;
    private transient MapState<String, PendingDelivery> pending;
    private transient ValueState<EngineTimers> timers;
    private transient Counter suppressed;
    private transient Counter withdrawn;
    private transient Counter replays;
    private transient Counter preferencesApplied;

    public SuggestionEngineFunction(SuggestionSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void open(OpenContext openContext) {
        planner = settings.planner();
        factory = settings.notifications();
        var context = getRuntimeContext();
        preferences = context.getState(new ValueStateDescriptor<>(PREFERENCES_STATE, TypeInformation.of(UserPreferences.class)));
        acceptance = context.getState(new ValueStateDescriptor<>(ACCEPTANCE_STATE, TypeInformation.of(AcceptanceCounts.class)));
        slots = context.getMapState(new MapStateDescriptor<>(SLOTS_STATE, Types.STRING, TypeInformation.of(SlotState.class)));
        outcomes = context.getMapState(new MapStateDescriptor<>(OUTCOMES_STATE, Types.STRING, TypeInformation.of(OutcomeState.class)));
        pending = context.getMapState(new MapStateDescriptor<>(PENDING_STATE, Types.STRING, TypeInformation.of(PendingDelivery.class)));
        timers = context.getState(new ValueStateDescriptor<>(TIMERS_STATE, TypeInformation.of(EngineTimers.class)));
        var metrics = context.getMetricGroup().addGroup("suggestions");
        suppressed = metrics.counter("suppressed");
        withdrawn = metrics.counter("withdrawn");
        replays = metrics.counter("replays_ignored");
        // In the ingestion group because the in-process counters (demo, benchmarks, end-to-end tests) read that one.
        preferencesApplied = IngestionMetrics.counter(context.getMetricGroup(), PREFERENCES_APPLIED);
    }

    // ---- keyed input

    @Override
    public void processElement(EngineInput input, ReadOnlyContext ctx, Collector<Suggestion> out) throws Exception {
        TenantContext tenant = ctx.getBroadcastState(TENANT_CONTEXT).get(input.tenantId());
        long at;
        if (input.candidate() != null) {
            at = input.candidate().firedAt().toEpochMilli();
            onCandidate(input.candidate(), tenant, ctx, out);
        } else if (input.feedback() != null) {
            at = input.feedback().occurredAt().toEpochMilli();
            onFeedback(input.feedback(), ctx.timerService().currentWatermark());
        } else {
            at = input.preferences().updatedAt().toEpochMilli();
            preferences.update(EffectivePreferences.overlay(preferences.value(), input.preferences()));
            preferencesApplied.inc();
        }
        touch(at, ctx.timerService());
    }

    private void onCandidate(SuggestionCandidate candidate, TenantContext tenant, ReadOnlyContext ctx,
                             Collector<Suggestion> out) throws Exception {
        if (candidate.cleared()) {
            withdraw(candidate, out);
            return;
        }
        String slotKey = slotKey(candidate);
        SlotState slot = slots.get(slotKey);
        if (pending.contains(candidate.suggestionId()) || slot != null && candidate.suggestionId().equals(slot.suggestionId)) {
            replays.inc();
            return;
        }
        long at = candidate.firedAt().toEpochMilli();
        EffectivePreferences prefs = EffectivePreferences.of(tenant == null ? null : tenant.defaults, preferences.value());
        AcceptanceModel.Learned learned = planner.learned(candidate.triggerType(),
                tenant == null ? null : tenant.pooled, acceptance.value());
        SuggestionPlanner.Plan plan = planner.plan(candidate, prefs, learned);
        if (slot != null && at < slot.quietUntil()) {
            suppressed.inc();
            out.collect(SuggestionPlanner.withStatus(plan.suggestion(), Suggestion.SUPPRESSED, List.of()));
            return;
        }
        TriggerPolicy policy = planner.policy(candidate.triggerType());
        slots.put(slotKey, new SlotState(candidate.suggestionId(), at, at + policy.cooldown().toMillis(),
                slot == null ? 0 : slot.snoozedUntil));
        outcomes.put(candidate.suggestionId(), new OutcomeState(slotKey, typeOrdinal(candidate.triggerType()), 0, 0,
                at + settings.outcomeRetention().toMillis()));
        out.collect(plan.suggestion());
        if (!plan.channels().isEmpty()) {
            deliver(plan, prefs, at, ctx);
        }
    }

    private void deliver(SuggestionPlanner.Plan plan, EffectivePreferences prefs, long at, ReadOnlyContext ctx)
            throws Exception {
        Suggestion suggestion = plan.suggestion();
        EngineTimers state = timersOrNew();
        if (plan.channels().equals(List.of(Channel.DIGEST))) {
            long digestAt = state.digestAt != null ? state.digestAt
                    : DigestClock.next(Instant.ofEpochMilli(at), prefs.digestHour(), prefs.zone()).toEpochMilli();
            pending.put(suggestion.suggestionId(), new PendingDelivery(suggestion, digestAt, true));
            if (state.digestAt == null) {
                state.digestAt = digestAt;
                ctx.timerService().registerEventTimeTimer(digestAt);
            }
            timers.update(state);
            return;
        }
        Instant firedAt = Instant.ofEpochMilli(at);
        Instant release = prefs.quietHours() == null ? firedAt : prefs.quietHours().releaseAt(firedAt, prefs.zone());
        if (!release.isAfter(firedAt)) {
            emitPushes(suggestion, prefs, null, firedAt, ctx::output);
            return;
        }
        long releaseAt = release.toEpochMilli();
        pending.put(suggestion.suggestionId(), new PendingDelivery(suggestion, releaseAt, false));
        if (state.releaseAt == null || releaseAt < state.releaseAt) {
            replaceTimer(ctx.timerService(), state.releaseAt, releaseAt);
            state.releaseAt = releaseAt;
        }
        timers.update(state);
    }

    private void withdraw(SuggestionCandidate cleared, Collector<Suggestion> out) throws Exception {
        PendingDelivery held = pending.get(cleared.suggestionId());
        if (held == null) {
            return; // delivered already, or never told: nothing to take back
        }
        pending.remove(cleared.suggestionId());
        outcomes.remove(cleared.suggestionId());
        String slotKey = slotKey(cleared);
        SlotState slot = slots.get(slotKey);
        if (slot != null && cleared.suggestionId().equals(slot.suggestionId)) {
            // The user never saw it, so the next episode may be told at once; a replay of this id stays ignored.
            slot.cooldownUntil = slot.emittedAt;
            slots.put(slotKey, slot);
        }
        withdrawn.inc();
        out.collect(SuggestionPlanner.withStatus(held.suggestion, Suggestion.WITHDRAWN, List.of()));
    }

    private void onFeedback(UserFeedback feedback, long watermark) throws Exception {
        FeedbackAction action = FeedbackAction.fromWire(feedback.action()).orElseThrow();
        FeedbackWeights weights = FeedbackWeights.of(action);
        if (!weights.teaches()) {
            return;
        }
        long at = feedback.occurredAt().toEpochMilli();
        OutcomeState outcome = outcomes.get(feedback.suggestionId());
        long retainedUntil = at + settings.outcomeRetention().toMillis();
        if (outcome == null && retainedUntil <= watermark) {
            // Its outcome was swept: feedback this far behind newer feedback (a partition rewound) was counted once
            // already. After a restart the watermark starts over with the replay, so that case does not reach here.
            return;
        }
        if (outcome == null) {
            outcome = new OutcomeState(null, -1, 0, 0, retainedUntil);
        }
        int type = feedback.triggerType() != null ? typeOrdinal(feedback.triggerType()) : outcome.triggerType;
        if (type >= 0) {
            AcceptanceCounts counts = acceptance.value();
            if (counts == null) {
                counts = new AcceptanceCounts();
            }
            counts.add(type, weights.success() - outcome.success, weights.failure() - outcome.failure);
            acceptance.update(counts);
            outcome.triggerType = type;
        }
        outcome.success = weights.success();
        outcome.failure = weights.failure();
        outcomes.put(feedback.suggestionId(), outcome);
        if ((action == FeedbackAction.DISMISSED || action == FeedbackAction.SNOOZED) && outcome.slotKey != null) {
            SlotState slot = slots.get(outcome.slotKey);
            if (slot != null) {
                TriggerPolicy policy = planner.policy(type >= 0 ? TriggerType.values()[type].wireName() : "");
                long until = action == FeedbackAction.SNOOZED && feedback.snoozeUntil() != null
                        ? feedback.snoozeUntil().toEpochMilli() : at + policy.snooze().toMillis();
                slot.snoozedUntil = Math.max(slot.snoozedUntil, until);
                slots.put(outcome.slotKey, slot);
            }
        }
    }

    // ---- broadcast input

    @Override
    public void processBroadcastElement(TenantSignal signal, Context ctx, Collector<Suggestion> out) throws Exception {
        BroadcastState<String, TenantContext> state = ctx.getBroadcastState(TENANT_CONTEXT);
        TenantContext tenant = state.get(signal.tenantId());
        TenantContext updated = new TenantContext();
        if (tenant != null) {
            updated.defaults = tenant.defaults;
            updated.pooled.successes = tenant.pooled.successes.clone();
            updated.pooled.failures = tenant.pooled.failures.clone();
        }
        if (signal.defaults() != null) {
            updated.defaults = EffectivePreferences.overlay(updated.defaults, signal.defaults());
            preferencesApplied.inc();
        } else {
            int type = typeOrdinal(signal.triggerType());
            if (type < 0) {
                return;
            }
            updated.pooled.add(type, signal.successes() - updated.pooled.successes(type),
                    signal.failures() - updated.pooled.failures(type));
        }
        state.put(signal.tenantId(), updated);
    }

    // ---- timers

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Suggestion> out) throws Exception {
        EngineTimers state = timers.value();
        if (state == null) {
            return;
        }
        ReadOnlyBroadcastState<String, TenantContext> tenants = ctx.getBroadcastState(TENANT_CONTEXT);
        if (Objects.equals(state.releaseAt, timestamp) || Objects.equals(state.digestAt, timestamp)) {
            String tenantId = tenantOf(ctx.getCurrentKey());
            TenantContext tenant = tenants.get(tenantId);
            EffectivePreferences prefs = EffectivePreferences.of(tenant == null ? null : tenant.defaults,
                    preferences.value());
            if (Objects.equals(state.releaseAt, timestamp)) {
                state.releaseAt = releaseHeld(timestamp, prefs, ctx);
            }
            if (Objects.equals(state.digestAt, timestamp)) {
                state.digestAt = sendDigest(timestamp, prefs, state, ctx);
            }
        }
        if (Objects.equals(state.sweepAt, timestamp)) {
            state.sweepAt = null;
            if (sweep(timestamp, state, ctx.timerService())) {
                return; // the key's state is gone
            }
        }
        timers.update(state);
    }

    /** Sends the pushes due by {@code now}; returns the next release time (its timer registered), or null. */
    private Long releaseHeld(long now, EffectivePreferences prefs, OnTimerContext ctx) throws Exception {
        List<PendingDelivery> due = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (Iterator<Map.Entry<String, PendingDelivery>> it = pending.iterator(); it.hasNext(); ) {
            PendingDelivery held = it.next().getValue();
            if (held.digest) {
                continue;
            }
            if (held.dueAt <= now) {
                due.add(held);
                it.remove();
            } else {
                next = Math.min(next, held.dueAt);
            }
        }
        due.sort((a, b) -> a.suggestion.suggestionId().compareTo(b.suggestion.suggestionId()));
        for (PendingDelivery held : due) {
            Instant release = Instant.ofEpochMilli(held.dueAt);
            emitPushes(held.suggestion, prefs, release, Instant.ofEpochMilli(now), ctx::output);
        }
        if (next == Long.MAX_VALUE) {
            return null;
        }
        ctx.timerService().registerEventTimeTimer(next);
        return next;
    }

    /**
     * Sends the digest of everything queued, when {@code now} is (or is past) the digest time that the user's
     * current preferences give for the oldest queued item. Preferences can change, or the tenant's defaults arrive
     * (broadcast, unordered with the keyed input) after the items were queued: then the digest moves to the right
     * time instead. A user gets one digest per local day (its id is of the day): when the digest hour moved later on
     * a day whose digest already went, the items wait for the next one. Returns the rescheduled time (its timer
     * registered), or null.
     */
    private Long sendDigest(long now, EffectivePreferences prefs, EngineTimers state, OnTimerContext ctx)
            throws Exception {
        List<Suggestion> items = new ArrayList<>();
        Instant oldest = null;
        for (Map.Entry<String, PendingDelivery> entry : pending.entries()) {
            if (entry.getValue().digest) {
                Suggestion queued = entry.getValue().suggestion;
                items.add(queued);
                oldest = oldest == null || queued.createdAt().isBefore(oldest) ? queued.createdAt() : oldest;
            }
        }
        if (items.isEmpty()) {
            return null;
        }
        Instant at = Instant.ofEpochMilli(now);
        LocalDate day = DigestClock.localDate(at, prefs.zone());
        long due = DigestClock.next(oldest, prefs.digestHour(), prefs.zone()).toEpochMilli();
        if (day.toEpochDay() == state.lastDigestDay) {
            due = DigestClock.next(at, prefs.digestHour(), prefs.zone()).toEpochMilli();
        }
        if (due > now) {
            ctx.timerService().registerEventTimeTimer(due);
            return due;
        }
        for (Suggestion item : items) {
            pending.remove(item.suggestionId());
        }
        state.lastDigestDay = day.toEpochDay();
        Suggestion first = items.get(0);
        ctx.output(NOTIFICATIONS, factory.digest(first.tenantId(), first.userId(), day, items, prefs, at));
        return null;
    }

    /**
     * Drops expired slots and outcomes; then, if the key has been idle for {@code idleRetention} and holds nothing
     * to deliver, all its state. Returns true when the key is gone.
     */
    private boolean sweep(long now, EngineTimers state, TimerService timerService) throws Exception {
        boolean slotsLeft = removeExpired(slots.iterator(), now, true);
        boolean outcomesLeft = removeExpired(outcomes.iterator(), now, false);
        boolean pendingLeft = pending.iterator().hasNext();
        long idleUntil = state.lastActivity + settings.idleRetention().toMillis();
        if (now >= idleUntil && !pendingLeft) {
            if (state.releaseAt != null) {
                timerService.deleteEventTimeTimer(state.releaseAt);
            }
            if (state.digestAt != null) {
                timerService.deleteEventTimeTimer(state.digestAt);
            }
            preferences.clear();
            acceptance.clear();
            slots.clear();
            outcomes.clear();
            pending.clear();
            timers.clear();
            return true;
        }
        long next = slotsLeft || outcomesLeft || pendingLeft ? now + SWEEP_MILLIS
                : Math.max(idleUntil, now + SWEEP_MILLIS);
        state.sweepAt = next;
        timerService.registerEventTimeTimer(next);
        return false;
    }

    /** Removes entries whose quiet period (slots) or retention (outcomes) ended; true when some remain. */
    @SuppressWarnings("unchecked")
    private static boolean removeExpired(Iterator<? extends Map.Entry<String, ?>> entries, long now, boolean areSlots) {
        boolean left = false;
        while (entries.hasNext()) {
            Object value = entries.next().getValue();
            long until = areSlots ? ((SlotState) value).quietUntil() : ((OutcomeState) value).expiresAt;
            if (until <= now) {
                entries.remove();
            } else {
                left = true;
            }
        }
        return left;
    }

    // ---- helpers

    private void touch(long at, TimerService timerService) throws Exception {
        EngineTimers state = timersOrNew();
        state.lastActivity = Math.max(state.lastActivity, at);
        if (state.sweepAt == null) {
            long sweepAt = Math.max(at, timerService.currentWatermark()) + SWEEP_MILLIS;
            state.sweepAt = sweepAt;
            timerService.registerEventTimeTimer(sweepAt);
        }
        timers.update(state);
    }

    private EngineTimers timersOrNew() throws Exception {
        EngineTimers state = timers.value();
        return state == null ? new EngineTimers() : state;
    }

    private void emitPushes(Suggestion suggestion, EffectivePreferences prefs, Instant notBefore, Instant createdAt,
                            java.util.function.BiConsumer<OutputTag<Notification>, Notification> output) {
        for (String channelName : suggestion.channels()) {
            Channel channel = Channel.fromWire(channelName).orElseThrow();
            if (Routing.isPush(channel)) {
                output.accept(NOTIFICATIONS, factory.push(suggestion, channel, prefs, notBefore, createdAt));
            }
        }
    }

    private static void replaceTimer(TimerService timerService, Long old, long next) {
        if (old != null) {
            timerService.deleteEventTimeTimer(old);
        }
        timerService.registerEventTimeTimer(next);
    }

    static String slotKey(SuggestionCandidate candidate) {
        return candidate.triggerType() + '\u0000' + candidate.entityKind() + '\u0000' + candidate.entityId();
    }

    private static int typeOrdinal(String wireName) {
        return wireName == null ? -1 : TriggerType.fromWire(wireName).map(Enum::ordinal).orElse(-1);
    }

    /** The tenant of a {@link com.crmautopilot.operators.keys.TenantKeys} key ("length:tenant:user"). */
    static String tenantOf(String key) {
        int colon = key.indexOf(':');
        int length = Integer.parseInt(key.substring(0, colon));
        return key.substring(colon + 1, colon + 1 + length);
    }
}
