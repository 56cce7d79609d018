package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Notification;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Duration;

/**
 * The ledger of notifications handed to delivery, keyed by {@link #key tenant and notification id}: the first copy
 * of an id goes on to its channel, every later copy within the retention is dropped (and counted as
 * {@code duplicates_suppressed}).
 *
 * <p>Why this makes replays safe: the ledger's state and the delivery operators' state are snapshotted by the same
 * checkpoint. An id in a restored ledger was, at that checkpoint, either already acknowledged by its receiver or
 * still in the async operator's in-flight queue, which Flink snapshots and re-issues on restore. So a notification
 * that arrives again after a restore (an upstream job re-emitting it, a source rewound to older offsets, a
 * savepoint of the upstream restored) is never sent a second time.
 *
 * <p>The residual at-least-once window, stated plainly: (1) a notification acknowledged after the last completed
 * checkpoint is sent again after a failover, since no checkpoint recorded it; (2) one whose send was in flight at
 * the checkpoint is re-issued from the async operator's snapshot even if the receiver took it. Both are bounded by
 * the checkpoint interval plus one request timeout. Mail carries a {@code Message-ID} derived from the id, so such a
 * re-send is recognisable; Slack webhooks offer no idempotency key, so a Slack message can, rarely, show twice.
 *
 * <p>Markers expire after the retention (processing-time TTL from the first sighting), longer than any upstream
 * replay; expired markers are never read and are removed by RocksDB's compaction filter or the heap backend's
 * incremental cleanup.
 */
public final class DeliveryLedger extends KeyedProcessFunction<String, Notification, Notification> {

    public static final String STATE_NAME = "delivered-notification";
    public static final String DUPLICATES_SUPPRESSED = "duplicates_suppressed";

    private final Duration retention;

    private transient ValueState<Boolean> handedOver;
    private transient Counter duplicates;

    public DeliveryLedger(Duration retention) {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("ledger retention must be positive, got " + retention);
        }
        this.retention = retention;
    }

    /** {@code tenant:notificationId}: every key carries the tenant. */
    public static String key(Notification notification) {
        return notification.tenantId() + ":" + notification.notificationId();
    }

    public static ValueStateDescriptor<Boolean> stateDescriptor(Duration retention) {
        ValueStateDescriptor<Boolean> descriptor = new ValueStateDescriptor<>(STATE_NAME, Types.BOOLEAN);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(retention)
                .setUpdateType(StateTtlConfig.UpdateType.OnCreateAndWrite)
                .setStateVisibility(StateTtlConfig.StateVisibility.NeverReturnExpired)
                .cleanupInRocksdbCompactFilter(1000)
                .cleanupIncrementally(10, false)
                .build());
        return descriptor;
    }

    @Override
    public void open(OpenContext openContext) {
        handedOver = getRuntimeContext().getState(stateDescriptor(retention));
        duplicates = getRuntimeContext().getMetricGroup().counter(DUPLICATES_SUPPRESSED);
    }

    @Override
    public void processElement(Notification notification, Context context, Collector<Notification> out)
            throws Exception {
        if (handedOver.value() != null) {
            duplicates.inc();
            return;
        }
        handedOver.update(Boolean.TRUE);
        out.collect(notification);
    }
}
