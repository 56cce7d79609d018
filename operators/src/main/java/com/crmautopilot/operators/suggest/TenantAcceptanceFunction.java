package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.suggest.FeedbackAction;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.models.suggest.UserFeedback;
import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * Pools a tenant's feedback over all its users, per trigger type, and emits the new totals as a
 * {@link TenantSignal} each time they change: the prior of every user's learning ({@link AcceptanceModel}). Keyed
 * by tenant. Like the engine, each suggestion counts once and its latest answer wins, so replayed feedback changes
 * nothing; feedback older than the contribution retention behind the watermark, whose contribution has expired, is
 * ignored rather than pooled a second time. Feedback without a trigger type teaches the users' learners (which know
 * the type from the suggestion) but not the tenant pool.
 *
 * <p>State: the pooled counts and each suggestion's last contribution, both with a processing-time TTL
 * (suggestions: {@code outcomeRetention}; the pool: {@code tenantPriorRetention} without feedback).
 */
public final class TenantAcceptanceFunction extends KeyedProcessFunction<String, UserFeedback, TenantSignal> {

    public static final String POOLED_STATE = "tenant-pooled-acceptance";
    public static final String CONTRIBUTIONS_STATE = "tenant-feedback-contributions";

    private final Duration contributionTtl;
    private final Duration pooledTtl;

    private transient ValueState<AcceptanceCounts> pooled;
    private transient MapState<String, OutcomeState> contributions;

    public TenantAcceptanceFunction(Duration contributionTtl, Duration pooledTtl) {
        this.contributionTtl = contributionTtl;
        this.pooledTtl = pooledTtl;
    }

    public static KeySelector<UserFeedback, String> byTenant() {
        return new ByTenant();
    }

    @Override
    public void open(OpenContext openContext) {
        pooled = getRuntimeContext().getState(pooledDescriptor(pooledTtl));
        contributions = getRuntimeContext().getMapState(contributionsDescriptor(contributionTtl));
    }

    public static ValueStateDescriptor<AcceptanceCounts> pooledDescriptor(Duration ttl) {
        ValueStateDescriptor<AcceptanceCounts> descriptor =
                new ValueStateDescriptor<>(POOLED_STATE, TypeInformation.of(AcceptanceCounts.class));
        descriptor.enableTimeToLive(ttl(ttl));
        return descriptor;
    }

    public static MapStateDescriptor<String, OutcomeState> contributionsDescriptor(Duration ttl) {
        MapStateDescriptor<String, OutcomeState> descriptor =
                new MapStateDescriptor<>(CONTRIBUTIONS_STATE, Types.STRING, TypeInformation.of(OutcomeState.class));
        descriptor.enableTimeToLive(ttl(ttl));
        return descriptor;
    }

    @Override
    public void processElement(UserFeedback feedback, Context ctx, Collector<TenantSignal> out) throws Exception {
        TriggerType type = feedback.triggerType() == null ? null : TriggerType.fromWire(feedback.triggerType()).orElse(null);
        FeedbackWeights weights = FeedbackAction.fromWire(feedback.action()).map(FeedbackWeights::of)
                .orElse(FeedbackWeights.NONE);
        if (type == null || !weights.teaches()) {
            return;
        }
        OutcomeState previous = contributions.get(feedback.suggestionId());
        if (previous == null && feedback.occurredAt().toEpochMilli() + contributionTtl.toMillis()
                <= ctx.timerService().currentWatermark()) {
            // Older than the retention behind the watermark, with no contribution on record: feedback pooled once
            // already and read again behind newer feedback (a partition rewound), after its contribution expired.
            // (After a restart the watermark starts over and follows the replay, so it cannot tell a replay.) The
            // watermark cannot be pushed ahead by a record from the future: the decoder dead-letters those.
            return;
        }
        double oldSuccess = previous == null ? 0 : previous.success;
        double oldFailure = previous == null ? 0 : previous.failure;
        if (previous != null && oldSuccess == weights.success() && oldFailure == weights.failure()) {
            return;
        }
        AcceptanceCounts counts = pooled.value();
        if (counts == null) {
            counts = new AcceptanceCounts();
        }
        counts.add(type.ordinal(), weights.success() - oldSuccess, weights.failure() - oldFailure);
        pooled.update(counts);
        contributions.put(feedback.suggestionId(),
                new OutcomeState(null, type.ordinal(), weights.success(), weights.failure(), 0));
        out.collect(TenantSignal.pooled(feedback.tenantId(), type.wireName(), counts.successes(type.ordinal()),
                counts.failures(type.ordinal())));
    }

    private static StateTtlConfig ttl(Duration duration) {
        return StateTtlConfig.newBuilder(duration)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupInRocksdbCompactFilter(1000)
                .cleanupIncrementally(10, false)
                .build();
    }

    private static final class ByTenant implements KeySelector<UserFeedback, String> {
        @Override
        public String getKey(UserFeedback feedback) {
            return TenantKeys.of(feedback.tenantId(), "");
        }
    }
}
