package com.crmautopilot.operators.profile;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.Objects;

/**
 * The per-lead engagement profile. Key the input with {@link com.crmautopilot.operators.keys.TenantKeys#byLead()}
 * and feed it only events that carry a {@code lead_id}. It emits a {@link LeadProfile} each time the profile's
 * content changes, with a version that counts the changes, and nothing when an event or timer changes nothing.
 *
 * <p>Time: the profile's {@code asOf} is the newest event time (or expiry time) it has seen. An event at or below the
 * current watermark is late (Flink's convention: watermark {@code W} promises no more events at or before
 * {@code W}); it goes to {@link #LATE_EVENTS} as a {@link DeadLetterReason#LATE} dead letter and changes nothing.
 *
 * <p>Window: contributions sit in buckets of event time ({@link LeadProfileConfig#bucket()}, a minute by default)
 * and count while {@code bucketStart + window > asOf}. So expiry is exact to the bucket: an event leaves the window
 * at the start of its bucket plus 30 days, at most one bucket before its own 30-day anniversary, and state holds at
 * most {@code window / bucket} buckets per lead (only buckets that counted something, one entry per counter).
 *
 * <p>Emission: every accepted event changes the profile (at least its lifetime count), and an expiry timer changes it
 * exactly when a contribution leaves the window; {@link LeadProfileUpdater} guarantees both, so no before-and-after
 * comparison is needed.
 *
 * <p>Timers: each lead has exactly one event-time timer. It sits at the earliest bucket expiry while the window holds
 * anything; when it fires the profile advances to that time and a {@code window_expiry} profile is emitted, and so
 * for every later expiry the watermark has already passed, in order, as if each had its own timer. With an
 * empty window it sits at the cleanup point instead, and every change replaces it (the old one is deleted).
 *
 * <p>Cleanup: once a converted or disqualified lead has an empty window and the watermark has passed its last
 * event, or an open lead has been inactive for the retention (365 days of event time by default), all its state
 * and its timer are dropped. A lead seen again after that starts a new profile from version 1.
 */
public final class LeadProfileFunction extends KeyedProcessFunction<String, CrmEvent, LeadProfile> {

    public static final OutputTag<DeadLetter> LATE_EVENTS =
            new OutputTag<>("late-lead-events", TypeInformation.of(DeadLetter.class));
    public static final String STATE_NAME = "lead-profile";
    /** Derived once: a {@code PojoTypeInfo}, so the state evolves through POJO schema evolution. */
    public static final TypeInformation<LeadProfileState> STATE_TYPE = TypeInformation.of(LeadProfileState.class);

    private final LeadProfileConfig config;
    private final String sourceTopic;

    private transient LeadProfileUpdater updater;
    private transient ValueState<LeadProfileState> profile;
    private transient Counter profilesEmitted;
    private transient Counter lateEvents;
    private transient Counter deadLettered;

    /**
     * @param sourceTopic named in the dead letters of late events
     */
    public LeadProfileFunction(LeadProfileConfig config, String sourceTopic) {
        this.config = Objects.requireNonNull(config, "config");
        this.sourceTopic = Objects.requireNonNull(sourceTopic, "sourceTopic");
    }

    public static ValueStateDescriptor<LeadProfileState> stateDescriptor() {
        return new ValueStateDescriptor<>(STATE_NAME, STATE_TYPE);
    }

    @Override
    public void open(OpenContext openContext) {
        updater = new LeadProfileUpdater(config);
        profile = getRuntimeContext().getState(stateDescriptor());
        profilesEmitted = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(),
                IngestionMetrics.PROFILES_EMITTED);
        lateEvents = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(), IngestionMetrics.LATE_EVENTS);
        deadLettered = IngestionMetrics.deadLettered(getRuntimeContext().getMetricGroup(), DeadLetterReason.LATE);
    }

    @Override
    public void processElement(CrmEvent event, Context context, Collector<LeadProfile> out) throws Exception {
        long watermark = context.timerService().currentWatermark();
        if (event.timestampMillis() <= watermark) {
            lateEvents.inc();
            deadLettered.inc();
            context.output(LATE_EVENTS, DeadLetter.forEvent(DeadLetterReason.LATE,
                    "occurred_at " + event.occurredAt() + " is at or behind the watermark " + watermark,
                    sourceTopic, event.tenantId(), event.eventId(), Json.writeBytes(event)));
            return;
        }
        LeadProfileState state = profile.value();
        if (state == null) {
            state = LeadProfileUpdater.newState(event.tenantId(), event.leadId());
        }
        updater.accept(state, event, watermark);
        // Every accepted event changes the profile (its lifetime count), so there is always something to emit.
        emit(state, event.type(), event.eventId(), out);
        replaceTimer(state, context.timerService());
        profile.update(state);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<LeadProfile> out) throws Exception {
        LeadProfileState state = profile.value();
        if (state == null) {
            return;
        }
        state.timerAt = null; // this timer has fired and is gone
        long watermark = context.timerService().currentWatermark();
        updater.settleResponses(state, watermark); // never changes the content
        // Every expiry the watermark has passed, in order, each with its own profile: exactly what firing one timer
        // per expiry would emit for this lead, for one state read, one write and one new timer instead of one each.
        // A replay or a catch-up moves the watermark by hours at a time, so a lead often has several.
        Long expiry = timestamp;
        while (expiry != null && expiry <= watermark) {
            if (updater.advanceTo(state, expiry)) {
                emit(state, LeadProfile.TRIGGER_WINDOW_EXPIRY, null, out);
            }
            expiry = updater.nextExpiry(state);
        }
        if (updater.canBeDropped(state, watermark)) {
            profile.clear();
            return;
        }
        replaceTimer(state, context.timerService());
        profile.update(state);
    }

    private void emit(LeadProfileState state, String trigger, String triggerEventId, Collector<LeadProfile> out) {
        state.version++;
        out.collect(updater.snapshot(state, trigger, triggerEventId));
        profilesEmitted.inc();
    }

    /** Keeps exactly one timer per lead: the old one is deleted before the new one is registered. */
    private void replaceTimer(LeadProfileState state, TimerService timers) {
        Long next = updater.nextTimer(state);
        if (Objects.equals(next, state.timerAt)) {
            return;
        }
        if (state.timerAt != null) {
            timers.deleteEventTimeTimer(state.timerAt);
        }
        if (next != null) {
            timers.registerEventTimeTimer(next);
        }
        state.timerAt = next;
    }
}
