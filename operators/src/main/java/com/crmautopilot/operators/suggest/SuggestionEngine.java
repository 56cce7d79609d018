package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.models.suggest.UserPreferences;
import com.crmautopilot.operators.ingest.EventTimeWatermarks;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.FilterFunction;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * Wires the suggestion engine onto a job:
 *
 * <pre>
 * feedback    ─ split dead letters ─ event time ─┬─ keyBy(tenant) ─ tenant acceptance ─┐
 *                                                │                                      ├─ broadcast ─┐
 * preferences ─ split dead letters ─ event time ─┼─ tenant defaults (no user) ──────────┘             │
 *                                                └─ user preferences ─┐                               │
 * candidates ─────────────────────────────────────────────────────────┴─ keyBy(tenant, user) ─ engine ┘
 * </pre>
 *
 * Candidates must already carry event-time timestamps and watermarks (those of the trigger stage). Feedback and
 * preferences get theirs here, from {@code occurred_at} and {@code updated_at}, with bounded out-of-orderness and
 * idleness (a topic that stays empty must not hold back the digest and quiet-hour timers).
 */
public final class SuggestionEngine {

    private SuggestionEngine() {
    }

    public static SuggestionOutputs attach(DataStream<SuggestionCandidate> candidates,
                                           DataStream<DecodedFeedback> feedback,
                                           DataStream<DecodedPreferences> preferences,
                                           SuggestionSettings settings) {
        SingleOutputStreamOperator<UserFeedback> feedbackSplit = feedback
                .process(new DecodedSplitter.Feedback(), TypeInformation.of(UserFeedback.class))
                .uid(SuggestionUids.FEEDBACK_SPLIT).name(SuggestionUids.name(SuggestionUids.FEEDBACK_SPLIT));
        // Feedback is written by people clicking in a UI: minutes of out-of-orderness is plenty, and an empty
        // topic goes idle after settings.idleness so it never stalls the engine's timers.
        WatermarkStrategy<UserFeedback> feedbackTime = EventTimeWatermarks.of(
                (f, previous) -> f.occurredAt().toEpochMilli(), settings.outOfOrderness(), settings.idleness());
        DataStream<UserFeedback> timedFeedback = feedbackSplit.assignTimestampsAndWatermarks(feedbackTime)
                .uid(SuggestionUids.FEEDBACK_WATERMARKS).name(SuggestionUids.name(SuggestionUids.FEEDBACK_WATERMARKS));

        SingleOutputStreamOperator<UserPreferences> preferencesSplit = preferences
                .process(new DecodedSplitter.Preferences(), TypeInformation.of(UserPreferences.class))
                .uid(SuggestionUids.PREFERENCES_SPLIT).name(SuggestionUids.name(SuggestionUids.PREFERENCES_SPLIT));
        WatermarkStrategy<UserPreferences> preferencesTime = EventTimeWatermarks.of(
                (p, previous) -> p.updatedAt().toEpochMilli(), settings.outOfOrderness(), settings.idleness());
        DataStream<UserPreferences> timedPreferences = preferencesSplit.assignTimestampsAndWatermarks(preferencesTime)
                .uid(SuggestionUids.PREFERENCES_WATERMARKS)
                .name(SuggestionUids.name(SuggestionUids.PREFERENCES_WATERMARKS));

        DataStream<TenantSignal> tenantDefaults = timedPreferences
                .flatMap((UserPreferences p, org.apache.flink.util.Collector<TenantSignal> out) -> {
                    if (p.userId() == null) {
                        out.collect(TenantSignal.defaults(p));
                    }
                }, TenantSignal.TYPE)
                .uid(SuggestionUids.TENANT_DEFAULTS).name(SuggestionUids.name(SuggestionUids.TENANT_DEFAULTS));
        DataStream<TenantSignal> tenantAcceptance = timedFeedback
                .keyBy(TenantAcceptanceFunction.byTenant())
                .process(new TenantAcceptanceFunction(settings.outcomeRetention(), settings.tenantPriorRetention()),
                        TenantSignal.TYPE)
                .uid(SuggestionUids.TENANT_ACCEPTANCE).name(SuggestionUids.name(SuggestionUids.TENANT_ACCEPTANCE));
        BroadcastStream<TenantSignal> tenants = tenantDefaults.union(tenantAcceptance)
                .broadcast(SuggestionEngineFunction.TENANT_CONTEXT);

        DataStream<EngineInput> inputs = candidates
                .flatMap(new CandidateGate(), EngineInput.TYPE)
                .uid(SuggestionUids.CANDIDATE_INPUT).name(SuggestionUids.name(SuggestionUids.CANDIDATE_INPUT))
                .union(
                        timedFeedback.map((MapFunction<UserFeedback, EngineInput>) EngineInput::of, EngineInput.TYPE)
                                .uid(SuggestionUids.FEEDBACK_INPUT).name(SuggestionUids.name(SuggestionUids.FEEDBACK_INPUT)),
                        timedPreferences.filter((FilterFunction<UserPreferences>) p -> p.userId() != null)
                                .uid(SuggestionUids.PREFERENCES_USERS)
                                .name(SuggestionUids.name(SuggestionUids.PREFERENCES_USERS))
                                .map((MapFunction<UserPreferences, EngineInput>) EngineInput::of, EngineInput.TYPE)
                                .uid(SuggestionUids.PREFERENCES_INPUT)
                                .name(SuggestionUids.name(SuggestionUids.PREFERENCES_INPUT)));

        SingleOutputStreamOperator<Suggestion> suggestions = inputs
                .keyBy(EngineInput.byTenantAndUser())
                .connect(tenants)
                .process(new SuggestionEngineFunction(settings), TypeInformation.of(Suggestion.class))
                .uid(SuggestionUids.ENGINE).name(SuggestionUids.name(SuggestionUids.ENGINE));
        DataStream<Notification> notifications = suggestions.getSideOutput(SuggestionEngineFunction.NOTIFICATIONS);
        DataStream<DeadLetter> deadLetters = feedbackSplit.getSideOutput(DecodedSplitter.DEAD_LETTERS)
                .union(preferencesSplit.getSideOutput(DecodedSplitter.DEAD_LETTERS));
        return new SuggestionOutputs(suggestions, notifications, deadLetters);
    }
}
