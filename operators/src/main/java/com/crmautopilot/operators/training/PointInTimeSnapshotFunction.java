package com.crmautopilot.operators.training;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.operators.keys.TenantKeys;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;

import java.time.Instant;
import java.util.Objects;

/**
 * Turns one lead's profile changes into labelled point-in-time snapshots: the features as they were at t
 * ({@link LeadFeatures#from}{@code (profile, t)}, the very call live scoring makes), labelled 1 if the lead converts
 * within the horizon after t. Key the profiles with {@link #byLead()}, and broadcast each tenant's
 * {@link EndOfData} on {@link #END_OF_DATA}.
 *
 * <p>Point in time: a snapshot at t is taken from the profile whose {@code asOf} is t, so it holds only events at
 * or before t. Profiles that share an {@code asOf} are collapsed to the highest version first (the batch sort
 * orders by time, not by version). Which changes become snapshots follows the {@link SnapshotCadence}; a change
 * that leaves every feature as it was (say, a lapsed demo-request count that no feature reads) is skipped.
 *
 * <p>Labels need the future, so snapshots wait in state until the end of the key: in BATCH mode every key's timers
 * fire when its input is done, and in STREAMING mode the timer at the end of time fires when the input ends. Then:
 * <ul>
 *   <li>label 1 if the lead converted in {@code (t, t + horizon]}, else 0;</li>
 *   <li>nothing from the moment the lead converted or was disqualified on (a closed lead is not scored);</li>
 *   <li>no snapshot whose horizon reaches past its tenant's end of data: whether it converts is unknown, and
 *   keeping only the positives there would bias the labels.</li>
 * </ul>
 * All of the key's state is cleared once its snapshots are out.
 *
 * <p>In BATCH mode the broadcast side is read completely before any profile, so the end of data is known.
 */
public final class PointInTimeSnapshotFunction
        extends KeyedBroadcastProcessFunction<String, LeadProfile, EndOfData, LabelledSnapshot> {

    /** Each tenant's end of data (epoch millis), by tenant id. */
    public static final MapStateDescriptor<String, Long> END_OF_DATA =
            new MapStateDescriptor<>("end-of-data", Types.STRING, Types.LONG);
    public static final String CURSOR_STATE = "snapshot-cursor";
    public static final String CANDIDATES_STATE = "snapshot-candidates";
    /** The timer that stands for "this key's input is done". */
    static final long END_OF_KEY = Long.MAX_VALUE;
    private static final long DAY_MILLIS = 86_400_000L;

    private final long horizonMillis;
    private final SnapshotCadence cadence;

    private transient ValueState<SnapshotCursor> cursorState;
    private transient ListState<LabelledSnapshot> candidates;
    private transient Counter emitted;
    private transient Counter beyondEndOfData;
    private transient Counter afterClose;
    private transient Counter unchanged;

    public PointInTimeSnapshotFunction(SnapshotConfig config) {
        Objects.requireNonNull(config, "config");
        this.horizonMillis = config.horizon().toMillis();
        this.cadence = config.cadence();
    }

    /** Profiles keyed by tenant and lead, as the profile operator keys its events. */
    public static KeySelector<LeadProfile, String> byLead() {
        return new ByLead();
    }

    public static ValueStateDescriptor<SnapshotCursor> cursorDescriptor() {
        return new ValueStateDescriptor<>(CURSOR_STATE, TypeInformation.of(SnapshotCursor.class));
    }

    public static ListStateDescriptor<LabelledSnapshot> candidatesDescriptor() {
        return new ListStateDescriptor<>(CANDIDATES_STATE, LabelledSnapshot.TYPE);
    }

    @Override
    public void open(OpenContext openContext) {
        cursorState = getRuntimeContext().getState(cursorDescriptor());
        candidates = getRuntimeContext().getListState(candidatesDescriptor());
        emitted = TrainingMetrics.counter(getRuntimeContext().getMetricGroup(), TrainingMetrics.SNAPSHOTS_EMITTED);
        beyondEndOfData = TrainingMetrics.counter(getRuntimeContext().getMetricGroup(),
                TrainingMetrics.BEYOND_END_OF_DATA);
        afterClose = TrainingMetrics.counter(getRuntimeContext().getMetricGroup(), TrainingMetrics.AFTER_CLOSE);
        unchanged = TrainingMetrics.counter(getRuntimeContext().getMetricGroup(), TrainingMetrics.UNCHANGED_FEATURES);
    }

    @Override
    public void processBroadcastElement(EndOfData end, Context context, Collector<LabelledSnapshot> out)
            throws Exception {
        BroadcastState<String, Long> ends = context.getBroadcastState(END_OF_DATA);
        Long known = ends.get(end.tenantId());
        if (known == null || end.atMillis() > known) {
            ends.put(end.tenantId(), end.atMillis());
        }
    }

    @Override
    public void processElement(LeadProfile profile, ReadOnlyContext context, Collector<LabelledSnapshot> out)
            throws Exception {
        SnapshotCursor cursor = cursorState.value();
        if (cursor == null) {
            cursor = new SnapshotCursor();
            context.timerService().registerEventTimeTimer(END_OF_KEY);
        }
        LeadProfile pending = cursor.pending;
        if (pending != null && !profile.asOf().isAfter(pending.asOf())) {
            if (profile.version() > pending.version()) {
                cursor.pending = profile;
            }
        } else {
            if (pending != null) {
                decide(pending, cursor);
            }
            cursor.pending = profile;
        }
        cursorState.update(cursor);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<LabelledSnapshot> out) throws Exception {
        SnapshotCursor cursor = cursorState.value();
        if (cursor == null) {
            return;
        }
        if (cursor.pending != null) {
            decide(cursor.pending, cursor);
        }
        Long endOfData = context.getBroadcastState(END_OF_DATA).get(cursor.pending.tenantId());
        for (LabelledSnapshot candidate : candidates.get()) {
            long t = candidate.at().toEpochMilli();
            if (endOfData == null || t + horizonMillis > endOfData) {
                beyondEndOfData.inc();
                continue;
            }
            boolean converts = cursor.convertedAt != null && cursor.convertedAt <= t + horizonMillis;
            out.collect(candidate.withLabel(converts ? 1 : 0));
            emitted.inc();
        }
        cursorState.clear();
        candidates.clear();
    }

    /** Takes the snapshot of one moment, or not. */
    private void decide(LeadProfile profile, SnapshotCursor cursor) throws Exception {
        long t = profile.asOf().toEpochMilli();
        if (cursor.closedAt != null) {
            afterClose.inc();
            return;
        }
        if (isClosed(profile)) {
            afterClose.inc();
            cursor.closedAt = t;
            if (LeadProfile.STATUS_CONVERTED.equals(profile.status())) {
                cursor.convertedAt = t;
            }
            return;
        }
        long period = cadence == SnapshotCadence.DAILY ? Math.floorDiv(t, DAY_MILLIS) : t;
        if (period == cursor.lastSnapshotPeriod) {
            return;
        }
        Instant at = profile.asOf();
        RawFeatures features = LeadFeatures.from(profile, at);
        if (cursor.lastSnapshot != null && features.equals(LeadFeatures.from(cursor.lastSnapshot, at))) {
            unchanged.inc();
            return;
        }
        candidates.add(new LabelledSnapshot(profile.tenantId(), profile.leadId(), at, profile.version(), features, 0));
        cursor.lastSnapshot = profile;
        cursor.lastSnapshotPeriod = period;
    }

    private static boolean isClosed(LeadProfile profile) {
        return profile.status() != null && !LeadProfile.STATUS_OPEN.equals(profile.status());
    }

    private static final class ByLead implements KeySelector<LeadProfile, String> {
        @Override
        public String getKey(LeadProfile profile) {
            return TenantKeys.of(profile.tenantId(), profile.leadId());
        }
    }
}
