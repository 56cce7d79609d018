package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.control.ControlCommand;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.output.ScoreHistoryEntry;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.Model;
import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Scores every lead inline, keyed by tenant and lead, and serves the tenants' models from broadcast state.
 *
 * <p><b>Keyed input</b> ({@link LeadScoringInput}): each profile change is scored as of its {@code as_of}; a closed
 * (converted or disqualified) lead is dropped with its timer. A {@code rescore} command rescores one lead as of the
 * current watermark. A score is emitted only when it changed (score, by at least
 * {@link LeadScoringConfig#minScoreChange()}, tier or model version) or a command forces it; only then is it explained (TreeSHAP), so explanations cost in proportion to emitted scores, not events.
 *
 * <p><b>Broadcast input</b> ({@link ControlMessage}): a model announcement for a tenant is checked
 * ({@link ModelRollout}), stored, and from then on scores that tenant's next events; all the tenant's leads are
 * rescored at once ({@code applyToKeyedState}). Re-announcing a version the job knows rolls back to it. A refused
 * model is logged and dead-lettered ({@link #REFUSED_MODELS}, once, by the first subtask) and the tenant keeps its
 * model. {@code rescore_all} rescores a tenant's leads. Models are loaded once per version and subtask, never per
 * key, and shared by tenants that announce the same version.
 *
 * <p><b>Timers</b>: each lead has exactly one event-time timer ({@link RescoreSchedule}), always replaced (the old
 * one deleted first), never stacked. It rescores the lead at its next window expiry or a day later at most, so
 * quiet leads decay through their recency features; after 90 quiet days it becomes the cleanup timer that drops
 * the lead's state. A bulk rescore leaves timers where they are: they depend on the profile and time, not on the
 * model.
 *
 * <p><b>Outputs</b>: {@link LeadScore} (main), {@link ScoreChange} on {@link #SCORE_CHANGES} when the tier moves,
 * {@link DeadLetter} on {@link #REFUSED_MODELS}.
 */
public final class LeadScoringFunction
        extends KeyedBroadcastProcessFunction<String, LeadScoringInput, ControlMessage, LeadScore> {

    public static final OutputTag<ScoreChange> SCORE_CHANGES =
            new OutputTag<>("score-changes", TypeInformation.of(ScoreChange.class));
    public static final OutputTag<DeadLetter> REFUSED_MODELS =
            new OutputTag<>("refused-models", TypeInformation.of(DeadLetter.class));

    /** Broadcast: tenant to its active and known model versions. */
    public static final MapStateDescriptor<String, TenantModels> TENANT_MODELS =
            new MapStateDescriptor<>("tenant-models", Types.STRING, TypeInformation.of(TenantModels.class));
    /** Broadcast: version to its files, once per version whichever tenants use it. */
    public static final MapStateDescriptor<String, ModelArtifact> MODEL_ARTIFACTS =
            new MapStateDescriptor<>("model-artifacts", Types.STRING, TypeInformation.of(ModelArtifact.class));

    public static final String STATE_NAME = "lead-score";
    public static final String HISTORY_NAME = "lead-score-history";
    public static final TypeInformation<LeadScoreState> STATE_TYPE = TypeInformation.of(LeadScoreState.class);

    private static final Logger LOG = LoggerFactory.getLogger(LeadScoringFunction.class);

    private final LeadScoringConfig config;

    private transient LeadScorer scorer;
    private transient ModelRollout rollout;
    private transient Model defaultModel;
    /** Loaded models by version: built once per version, shared by every key and tenant. */
    private transient Map<String, Model> loaded;
    private transient boolean firstSubtask;
    private transient ValueState<LeadScoreState> leadState;
    private transient ListState<ScoreHistoryEntry> history;
    private transient Counters counters;

    public LeadScoringFunction(LeadScoringConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public static ValueStateDescriptor<LeadScoreState> stateDescriptor() {
        return new ValueStateDescriptor<>(STATE_NAME, STATE_TYPE);
    }

    public static ListStateDescriptor<ScoreHistoryEntry> historyDescriptor() {
        return new ListStateDescriptor<>(HISTORY_NAME, TypeInformation.of(ScoreHistoryEntry.class));
    }

    @Override
    public void open(OpenContext openContext) {
        scorer = config.scorer();
        rollout = new ModelRollout(config.modelName(), LeadFeatures.template());
        loaded = new HashMap<>();
        defaultModel = config.defaultModel() == null ? null
                : ServingModel.of(ModelArtifacts.load(config.defaultModel()));
        firstSubtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
        leadState = getRuntimeContext().getState(stateDescriptor());
        history = getRuntimeContext().getListState(historyDescriptor());
        counters = new Counters(getRuntimeContext().getMetricGroup());
    }

    // ---- keyed input: profiles and single-lead rescores

    @Override
    public void processElement(LeadScoringInput input, ReadOnlyContext ctx, Collector<LeadScore> out)
            throws Exception {
        ReadOnlyBroadcastState<String, TenantModels> tenants = ctx.getBroadcastState(TENANT_MODELS);
        ReadOnlyBroadcastState<String, ModelArtifact> artifacts = ctx.getBroadcastState(MODEL_ARTIFACTS);
        if (input.profile() != null) {
            onProfile(input.profile(), ctx.timerService(), activeModel(input.tenantId(), tenants, artifacts), out,
                    ctx::output);
        } else {
            onRescore(input.rescore(), ctx.timerService(), activeModel(input.tenantId(), tenants, artifacts), out,
                    ctx::output);
        }
    }

    private void onProfile(LeadProfile profile, TimerService timers, Model model, Collector<LeadScore> out,
                           BiConsumer<OutputTag<ScoreChange>, ScoreChange> changes) throws Exception {
        counters.profilesIn.inc();
        LeadScoreState state = leadState.value();
        if (isClosed(profile)) {
            if (state != null) {
                release(state, timers);
            }
            return;
        }
        if (state == null) {
            state = new LeadScoreState();
        }
        state.profile = profile;
        long now = Math.max(profile.asOf().toEpochMilli(), clockOf(state));
        RescoreSchedule.Plan plan = config.schedule().next(profile, now, config.windowExpiry().earliest(profile));
        if (model != null) {
            rescore(state, model, now, profile.trigger(), false, plan.nextRescore(), out, changes);
        }
        state.evaluatedAt = now;
        replaceTimer(state, plan, timers);
        leadState.update(state);
    }

    private void onRescore(ControlCommand command, TimerService timers, Model model, Collector<LeadScore> out,
                           BiConsumer<OutputTag<ScoreChange>, ScoreChange> changes) throws Exception {
        LeadScoreState state = leadState.value();
        if (state == null || model == null) {
            LOG.info("Rescore of {} / {} skipped: {}", command.tenantId(), command.leadId(),
                    state == null ? "no open lead by that id" : "no model for the tenant");
            return;
        }
        long now = Math.max(clockOf(state), timers.currentWatermark());
        RescoreSchedule.Plan plan = config.schedule().next(state.profile, now,
                config.windowExpiry().earliest(state.profile));
        rescore(state, model, now, ScoringTriggers.MANUAL_RESCORE, command.forced(), plan.nextRescore(), out,
                changes);
        replaceTimer(state, plan, timers);
        leadState.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LeadScore> out) throws Exception {
        LeadScoreState state = leadState.value();
        if (state == null || state.timerAt == null || state.timerAt != timestamp) {
            counters.staleTimerFirings.inc();
            return;
        }
        counters.timersFired.inc();
        state.timerAt = null; // this timer has fired and is gone
        if (!state.timerRescores) {
            release(state, ctx.timerService());
            return;
        }
        Model model = activeModel(state.profile.tenantId(), ctx.getBroadcastState(TENANT_MODELS),
                ctx.getBroadcastState(MODEL_ARTIFACTS));
        RescoreSchedule.Plan plan = config.schedule().next(state.profile, timestamp,
                config.windowExpiry().earliest(state.profile));
        if (model != null) {
            rescore(state, model, timestamp, ScoringTriggers.TIME_DECAY, false, plan.nextRescore(), out,
                    ctx::output);
        }
        state.evaluatedAt = Math.max(timestamp, clockOf(state));
        replaceTimer(state, plan, ctx.timerService());
        leadState.update(state);
    }

    // ---- broadcast input: model announcements and tenant-wide rescores

    @Override
    public void processBroadcastElement(ControlMessage message, Context ctx, Collector<LeadScore> out)
            throws Exception {
        if (message.announcement() != null) {
            onAnnouncement(message.announcement(), ctx, out);
        } else if (message.command() != null && message.command().isRescoreAll()) {
            ControlCommand command = message.command();
            bulkRescore(command.tenantId(), ScoringTriggers.MANUAL_RESCORE, command.forced(), ctx, out);
        }
    }

    private void onAnnouncement(ModelAnnouncement announcement, Context ctx, Collector<LeadScore> out)
            throws Exception {
        BroadcastState<String, TenantModels> tenants = ctx.getBroadcastState(TENANT_MODELS);
        BroadcastState<String, ModelArtifact> artifacts = ctx.getBroadcastState(MODEL_ARTIFACTS);
        String tenant = announcement.tenantId();
        TenantModels current = tenants.get(tenant);
        RolloutDecision decision = rollout.decide(announcement, current,
                version -> modelOf(version, artifacts::get), defaultModel);
        if (decision instanceof RolloutDecision.Activate activate) {
            activate(tenant, current, activate, tenants, artifacts);
            bulkRescore(tenant, ScoringTriggers.MODEL_CHANGE, false, ctx, out);
        } else if (decision instanceof RolloutDecision.Refuse refuse) {
            refuse(announcement, refuse.reason(), ctx);
        } else if (decision instanceof RolloutDecision.Unchanged unchanged && firstSubtask) {
            LOG.info("Model {} is already active for tenant {}", unchanged.version(), tenant);
        } else if (decision instanceof RolloutDecision.Ignore ignore) {
            LOG.debug("Announcement {} ignored: {}", announcement.announcementId(), ignore.why());
        }
    }

    private void activate(String tenant, TenantModels current, RolloutDecision.Activate activate,
                          BroadcastState<String, TenantModels> tenants,
                          BroadcastState<String, ModelArtifact> artifacts) throws Exception {
        String previous = current != null ? current.activeVersion
                : defaultModel != null ? defaultModel.version() : null;
        TenantModels updated = current == null ? new TenantModels(tenant) : current.copy();
        List<String> dropped = updated.activate(activate.version(), config.maxKnownVersions());
        tenants.put(tenant, updated);
        if (activate.artifact() != null) {
            artifacts.put(activate.version(), activate.artifact());
        }
        if (!isDefault(activate.version())) {
            loaded.put(activate.version(), ServingModel.serving(activate.model()));
        }
        forgetUnused(dropped, tenants, artifacts);
        if (firstSubtask) {
            counters.modelsActivated.inc();
            LOG.info("Tenant {} now scores with model {} ({}{}), replacing {}", tenant, activate.version(),
                    activate.rollback() ? "rollback" : "new version",
                    activate.artifact() == null ? "" : ", from " + activate.artifact().source, previous);
        }
    }

    private void refuse(ModelAnnouncement announcement, String reason, Context ctx) {
        if (!firstSubtask) {
            return; // every subtask decides the same; one dead letter and one warning are enough
        }
        counters.modelsRefused.inc();
        LOG.warn("Refused model {} {} for tenant {} (announcement {}): {}. The tenant keeps its current model.",
                announcement.modelName(), announcement.version(), announcement.tenantId(),
                announcement.announcementId(), reason);
        ctx.output(REFUSED_MODELS, DeadLetter.forEvent(DeadLetterReason.MODEL_REFUSED,
                "model " + announcement.version() + " refused: " + reason + " (artifact bytes left out)",
                config.modelsTopic(), announcement.tenantId(), announcement.announcementId(),
                Json.writeBytes(announcement.withoutArtifact())));
    }

    /** Rescores every lead of a tenant held by this subtask, as of its own clock or the watermark if later. */
    private void bulkRescore(String tenant, String trigger, boolean force, Context ctx, Collector<LeadScore> out)
            throws Exception {
        Model model = activeModel(tenant, ctx.getBroadcastState(TENANT_MODELS),
                ctx.getBroadcastState(MODEL_ARTIFACTS));
        if (model == null) {
            return;
        }
        long watermark = ctx.currentWatermark();
        String keyPrefix = TenantKeys.of(tenant, "");
        ctx.applyToKeyedState(stateDescriptor(), (String key, ValueState<LeadScoreState> keyed) -> {
            if (!key.startsWith(keyPrefix)) {
                return;
            }
            LeadScoreState state = keyed.value();
            if (state == null || state.profile == null) {
                return;
            }
            long now = Math.max(clockOf(state), watermark);
            Instant nextRescore = state.timerRescores && state.timerAt != null ? Instant.ofEpochMilli(state.timerAt)
                    : null;
            rescore(state, model, now, trigger, force, nextRescore, out, ctx::output);
            keyed.update(state);
        });
    }

    // ---- scoring

    /**
     * Scores the lead as of {@code now}; emits the score (explained) and any tier change when the score, tier or
     * model changed, or when forced. Updates {@code state} but does not write it.
     */
    private void rescore(LeadScoreState state, Model model, long now, String trigger, boolean force,
                         Instant nextRescore, Collector<LeadScore> out,
                         BiConsumer<OutputTag<ScoreChange>, ScoreChange> changes) throws Exception {
        long start = System.nanoTime();
        Evaluation evaluation = scorer.evaluate(model, state.profile, now);
        counters.predictNanos.inc(System.nanoTime() - start);
        counters.predictions.inc();
        state.evaluatedAt = now;
        boolean changed = state.score == null || Math.abs(state.score - evaluation.score()) >= config.minScoreChange()
                || state.tier != evaluation.tier() || !model.version().equals(state.modelVersion);
        if (!changed && !force) {
            return;
        }
        start = System.nanoTime();
        Explanation explanation = scorer.explain(model, evaluation, state.profile);
        counters.explainNanos.inc(System.nanoTime() - start);
        counters.explanations.inc();

        LeadProfile profile = state.profile;
        Instant scoredAt = Instant.ofEpochMilli(now);
        String reason = ChangeReasons.describe(state.score, state.tier, state.modelVersion, evaluation.score(),
                evaluation.tier(), model.version(), trigger, state.factorWeights, explanation.factors());
        List<ScoreHistoryEntry> entries = historyWith(changed ? new ScoreHistoryEntry(evaluation.score(),
                evaluation.tier(), model.version(), scoredAt, trigger, reason) : null);
        out.collect(new LeadScore(
                LeadScore.scoreId(profile.tenantId(), profile.leadId(), model.version(), scoredAt, evaluation.score()),
                profile.tenantId(), profile.leadId(), evaluation.score(),
                Math.round(evaluation.result().probability() * 1e4) / 1e4, evaluation.tier(),
                explanation.confidence(), explanation.shown(), explanation.actions(), nextRescore, model.version(),
                scoredAt, trigger, triggerEventId(trigger, profile), reason, entries));
        counters.scoresEmitted.inc();
        if (state.tier != null && state.tier != evaluation.tier()) {
            changes.accept(SCORE_CHANGES, new ScoreChange(
                    ScoreChange.changeId(profile.tenantId(), profile.leadId(), state.tier, evaluation.tier(),
                            model.version(), scoredAt),
                    profile.tenantId(), profile.leadId(), state.tier, evaluation.tier(), state.score,
                    evaluation.score(), state.modelVersion, model.version(), scoredAt, trigger, reason));
            counters.tierChanges.inc();
        }
        state.score = evaluation.score();
        state.tier = evaluation.tier();
        state.modelVersion = model.version();
        state.factorWeights = ChangeReasons.weightsOf(explanation.factors());
        state.emitted++;
    }

    /** The event behind a rescore, when the profile's own trigger is what caused it. */
    private static String triggerEventId(String trigger, LeadProfile profile) {
        return trigger != null && trigger.equals(profile.trigger()) ? profile.triggerEventId() : null;
    }

    /** The lead's history with {@code added} appended (when not null) and trimmed to the configured size. */
    private List<ScoreHistoryEntry> historyWith(ScoreHistoryEntry added) throws Exception {
        List<ScoreHistoryEntry> entries = new ArrayList<>();
        Iterable<ScoreHistoryEntry> stored = history.get();
        if (stored != null) {
            stored.forEach(entries::add);
        }
        if (added == null) {
            return entries;
        }
        entries.add(added);
        if (entries.size() > config.historySize()) {
            entries = new ArrayList<>(entries.subList(entries.size() - config.historySize(), entries.size()));
        }
        history.update(entries);
        return entries;
    }

    /** The lead's scoring clock: the newest time it was scored at, or its profile's time. */
    private static long clockOf(LeadScoreState state) {
        return state.evaluatedAt != null ? state.evaluatedAt : state.profile.asOf().toEpochMilli();
    }

    /** Converted or disqualified: scoring it further means nothing, so its state and timer go. */
    static boolean isClosed(LeadProfile profile) {
        return LeadProfile.STATUS_CONVERTED.equals(profile.status())
                || LeadProfile.STATUS_DISQUALIFIED.equals(profile.status());
    }

    // ---- timers and cleanup

    /** Keeps exactly one timer per lead: the old one is deleted before the new one is registered. */
    private void replaceTimer(LeadScoreState state, RescoreSchedule.Plan plan, TimerService timers) {
        state.timerRescores = plan.rescore();
        if (state.timerAt != null && state.timerAt == plan.at()) {
            return;
        }
        if (state.timerAt != null) {
            timers.deleteEventTimeTimer(state.timerAt);
            counters.timersDeleted.inc();
        }
        timers.registerEventTimeTimer(plan.at());
        counters.timersRegistered.inc();
        state.timerAt = plan.at();
    }

    /** Drops a lead: its timer, its state and its history. */
    private void release(LeadScoreState state, TimerService timers) {
        if (state.timerAt != null) {
            timers.deleteEventTimeTimer(state.timerAt);
            counters.timersDeleted.inc();
        }
        leadState.clear();
        history.clear();
        counters.leadsReleased.inc();
    }

    // ---- models

    /** The tenant's active model, the default model if it has none, or null. */
    private Model activeModel(String tenant, ReadOnlyBroadcastState<String, TenantModels> tenants,
                              ReadOnlyBroadcastState<String, ModelArtifact> artifacts) throws Exception {
        TenantModels models = tenants.get(tenant);
        if (models == null || models.activeVersion == null) {
            return defaultModel;
        }
        Model model = modelOf(models.activeVersion, artifacts::get);
        return model != null ? model : defaultModel;
    }

    private interface ArtifactLookup {
        ModelArtifact get(String version) throws Exception;
    }

    /** A loaded model by version: from the cache, or loaded once from its stored artifact (after a restore). */
    private Model modelOf(String version, ArtifactLookup artifacts) {
        if (isDefault(version)) {
            return defaultModel;
        }
        Model model = loaded.get(version);
        if (model != null) {
            return model;
        }
        try {
            ModelArtifact artifact = artifacts.get(version);
            if (artifact == null) {
                return null;
            }
            model = ServingModel.of(ModelArtifacts.load(artifact));
        } catch (Exception e) {
            LOG.error("Stored model {} cannot be loaded; falling back to the default model", version, e);
            return null;
        }
        loaded.put(version, model);
        return model;
    }

    private boolean isDefault(String version) {
        return defaultModel != null && defaultModel.version().equals(version);
    }

    /** Drops artifacts and loaded models that no tenant can return to any more. */
    private void forgetUnused(List<String> dropped, BroadcastState<String, TenantModels> tenants,
                              BroadcastState<String, ModelArtifact> artifacts) throws Exception {
        if (dropped.isEmpty()) {
            return;
        }
        Set<String> stillKnown = new HashSet<>();
        for (Map.Entry<String, TenantModels> entry : tenants.entries()) {
            stillKnown.addAll(entry.getValue().versions);
        }
        for (String version : dropped) {
            if (!stillKnown.contains(version)) {
                artifacts.remove(version);
                loaded.remove(version);
            }
        }
    }

    private static final class Counters {
        final Counter profilesIn;
        final Counter predictions;
        final Counter predictNanos;
        final Counter explanations;
        final Counter explainNanos;
        final Counter scoresEmitted;
        final Counter tierChanges;
        final Counter modelsActivated;
        final Counter modelsRefused;
        final Counter timersRegistered;
        final Counter timersDeleted;
        final Counter timersFired;
        final Counter staleTimerFirings;
        final Counter leadsReleased;

        Counters(org.apache.flink.metrics.MetricGroup group) {
            profilesIn = ScoringMetrics.counter(group, ScoringMetrics.PROFILES_IN);
            predictions = ScoringMetrics.counter(group, ScoringMetrics.PREDICTIONS);
            predictNanos = ScoringMetrics.counter(group, ScoringMetrics.PREDICT_NANOS);
            explanations = ScoringMetrics.counter(group, ScoringMetrics.EXPLANATIONS);
            explainNanos = ScoringMetrics.counter(group, ScoringMetrics.EXPLAIN_NANOS);
            scoresEmitted = ScoringMetrics.counter(group, ScoringMetrics.SCORES_EMITTED);
            tierChanges = ScoringMetrics.counter(group, ScoringMetrics.TIER_CHANGES);
            modelsActivated = ScoringMetrics.counter(group, ScoringMetrics.MODELS_ACTIVATED);
            modelsRefused = ScoringMetrics.counter(group, ScoringMetrics.MODELS_REFUSED);
            timersRegistered = ScoringMetrics.counter(group, ScoringMetrics.TIMERS_REGISTERED);
            timersDeleted = ScoringMetrics.counter(group, ScoringMetrics.TIMERS_DELETED);
            timersFired = ScoringMetrics.counter(group, ScoringMetrics.TIMERS_FIRED);
            staleTimerFirings = ScoringMetrics.counter(group, ScoringMetrics.STALE_TIMER_FIRINGS);
            leadsReleased = ScoringMetrics.counter(group, ScoringMetrics.LEADS_RELEASED);
        }
    }
}
