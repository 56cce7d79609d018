package com.crmautopilot.operators.dedupe;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.time.Duration;
import java.util.Objects;

/**
 * Drops events whose {@code event_id} was already seen for the tenant. Key the input with
 * {@link com.crmautopilot.operators.keys.TenantKeys#byEventId()}. The first copy goes on; later copies go to
 * {@link #DUPLICATES} as {@link DeadLetterReason#DUPLICATE} dead letters.
 *
 * <p>The seen-marker lives for the TTL (processing time, Flink's only TTL clock) from the first sighting; re-seeing
 * a duplicate does not extend it. Producers retry within minutes, so a week is ample. Expired markers are never
 * returned; RocksDB's compaction filter drops them on clusters, and the heap backend drops them when they are read
 * or visited by its incremental cleanup.
 */
public final class DedupeFunction extends KeyedProcessFunction<String, CrmEvent, CrmEvent> {

    public static final Duration DEFAULT_TTL = Duration.ofDays(7);
    public static final OutputTag<DeadLetter> DUPLICATES =
            new OutputTag<>("duplicates", TypeInformation.of(DeadLetter.class));
    public static final String STATE_NAME = "seen-event-id";

    /** How many entries RocksDB's compaction filter processes before it refreshes its notion of "now". */
    private static final long COMPACTION_QUERY_TIME_AFTER_ENTRIES = 1000;

    private final Duration ttl;
    private final String sourceTopic;

    private transient ValueState<Boolean> seen;
    private transient Counter duplicatesDropped;
    private transient Counter deadLettered;

    /**
     * @param ttl         how long an event id is remembered
     * @param sourceTopic named in the dead letters of duplicates
     */
    public DedupeFunction(Duration ttl, String sourceTopic) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("dedupe TTL must be positive, got " + ttl);
        }
        this.ttl = ttl;
        this.sourceTopic = Objects.requireNonNull(sourceTopic, "sourceTopic");
    }

    public static StateTtlConfig ttlConfig(Duration ttl) {
        return StateTtlConfig.newBuilder(ttl)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupInRocksdbCompactFilter(COMPACTION_QUERY_TIME_AFTER_ENTRIES)
                .cleanupIncrementally(10, false)
                .build();
    }

    public static ValueStateDescriptor<Boolean> stateDescriptor(Duration ttl) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>(STATE_NAME, Types.BOOLEAN);
        descriptor.enableTimeToLive(ttlConfig(ttl));
        return descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        seen = getRuntimeContext().getState(stateDescriptor(ttl));
        duplicatesDropped = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(),
                IngestionMetrics.DUPLICATES_DROPPED);
        deadLettered = IngestionMetrics.deadLettered(getRuntimeContext().getMetricGroup(), DeadLetterReason.DUPLICATE);
    }

    @Override
    public void processElement(CrmEvent event, Context context, Collector<CrmEvent> out) throws Exception {
        if (seen.value() == null) {
            seen.update(Boolean.TRUE);
            out.collect(event);
            return;
        }
        duplicatesDropped.inc();
        deadLettered.inc();
        context.output(DUPLICATES, DeadLetter.forEvent(DeadLetterReason.DUPLICATE,
                "event_id already seen for this tenant", sourceTopic, event.tenantId(), event.eventId(),
                Json.writeBytes(event)));
    }
}
