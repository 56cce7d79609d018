package com.crmautopilot.operators.profile;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.LeadAssigned;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.event.payload.LeadUpdated;
import com.crmautopilot.models.output.LeadProfile;

import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The rules of the lead profile, free of Flink so that the operator, tests and offline recomputation share them.
 * It mutates a {@link LeadProfileState}; the operator decides when to emit and which timer to keep.
 *
 * <p>Order independence: the profile that results from a set of (non-late) events does not depend on the order they
 * arrive in. Counts and min/max times commute; each attribute keeps the value of the newest event that set it; and a
 * reply's pairing stays open until the watermark passes it, so an outbound touch that arrives late still pairs.
 *
 * <p>Change detection: {@link #accept} always changes the profile's content (the lifetime event count moves), and
 * {@link #advanceTo} changes it exactly when a contribution leaves the window. {@link #settleResponses} never does:
 * a settled reply keeps the pairing it already had. So the operator knows whether to emit without comparing
 * profiles.
 */
public final class LeadProfileUpdater implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the lead did itself: these move {@code last_touch_at}. */
    public static final Set<EventType> TOUCHES = EnumSet.of(EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED,
            EventType.EMAIL_REPLIED, EventType.WEB_VISIT, EventType.CONTENT_DOWNLOADED, EventType.DEMO_REQUESTED,
            EventType.FORM_SUBMITTED);
    /** Our outbound touches a reply is paired with to measure response time. */
    public static final Set<EventType> RESPONSE_OUTBOUNDS = EnumSet.of(EventType.EMAIL_SENT, EventType.CALL_LOGGED);

    private static final long[] NO_TIMES = new long[0];
    private static final int ATTRIBUTES = LeadAttribute.values().length;

    private final long windowMillis;
    private final long bucketMillis;
    private final long retentionMillis;

    public LeadProfileUpdater(LeadProfileConfig config) {
        this.windowMillis = config.window().toMillis();
        this.bucketMillis = config.bucket().toMillis();
        this.retentionMillis = config.retention().toMillis();
    }

    public static LeadProfileState newState(String tenantId, String leadId) {
        LeadProfileState state = new LeadProfileState();
        state.tenantId = tenantId;
        state.leadId = leadId;
        return state;
    }

    /**
     * Applies one event that is not late; the profile's content always changes (its lifetime event count does).
     * {@code watermark} is the operator's current watermark: replies at or below it can no longer be re-paired and
     * are settled first.
     */
    public void accept(LeadProfileState state, CrmEvent event, long watermark) {
        long time = event.timestampMillis();
        settleResponses(state, watermark);
        advanceTo(state, time);
        EventType type = EventType.fromWireName(event.type()).orElse(null);

        state.totalEvents++;
        state.firstTouchAt = state.firstTouchAt == null ? time : Math.min(state.firstTouchAt, time);
        state.lastActivityAt = state.lastActivityAt == null ? time : Math.max(state.lastActivityAt, time);
        if (type == null) {
            return;
        }
        if (TOUCHES.contains(type)) {
            state.lastTouchAt = state.lastTouchAt == null ? time : Math.max(state.lastTouchAt, time);
        }
        if (type == EventType.DEMO_REQUESTED) {
            state.lastDemoRequestAt = state.lastDemoRequestAt == null ? time : Math.max(state.lastDemoRequestAt, time);
        }
        if (RESPONSE_OUTBOUNDS.contains(type)) {
            state.unsettledOutbounds = append(state.unsettledOutbounds, time);
        } else if (type == EventType.EMAIL_REPLIED) {
            state.unsettledReplies = append(state.unsettledReplies, time);
        }
        countInWindow(state, WindowCounter.of(type), time);
        applyAttributes(state, type, event, time);
    }

    /**
     * Moves the profile's clock to {@code time} (never back) and drops the contributions that left the window.
     *
     * @return whether any contribution left, which is exactly when the profile's content changed
     */
    public boolean advanceTo(LeadProfileState state, long time) {
        if (time <= state.asOf) {
            return false;
        }
        state.asOf = time;
        // Sorted by bucket start: the contributions that left are a prefix.
        int expired = 0;
        while (expired < state.windowStarts.length && leavesWindowAt(state.windowStarts[expired]) <= time) {
            expired++;
        }
        if (expired == 0) {
            return false;
        }
        int length = state.windowStarts.length;
        state.windowStarts = Arrays.copyOfRange(state.windowStarts, expired, length);
        state.windowCounters = Arrays.copyOfRange(state.windowCounters, expired, length);
        state.windowCounts = Arrays.copyOfRange(state.windowCounts, expired, length);
        return true;
    }

    /**
     * Folds replies at or below the watermark into the settled totals, then compacts the outbound touches. The
     * profile's content does not change: a settled reply keeps the pairing it had while pending.
     */
    public void settleResponses(LeadProfileState state, long watermark) {
        if (watermark == Long.MIN_VALUE) {
            return;
        }
        // Replies first: pairing a settled reply may need an outbound touch that compaction would fold away.
        long[] replies = state.unsettledReplies;
        int keptReplies = 0;
        for (long reply : replies) {
            if (reply <= watermark) {
                Long outbound = latestOutboundBefore(state, reply);
                if (outbound != null) {
                    state.settledResponseCount++;
                    state.settledResponseSeconds += (reply - outbound) / 1000;
                }
            } else {
                replies[keptReplies++] = reply;
            }
        }
        if (keptReplies < replies.length) {
            state.unsettledReplies = keptReplies == 0 ? NO_TIMES : Arrays.copyOf(replies, keptReplies);
        }
        long[] outbounds = state.unsettledOutbounds;
        int keptOutbounds = 0;
        for (long outbound : outbounds) {
            if (outbound <= watermark) {
                state.settledOutboundAt = state.settledOutboundAt == null ? outbound
                        : Math.max(state.settledOutboundAt, outbound);
            } else {
                outbounds[keptOutbounds++] = outbound;
            }
        }
        if (keptOutbounds < outbounds.length) {
            state.unsettledOutbounds = keptOutbounds == 0 ? NO_TIMES : Arrays.copyOf(outbounds, keptOutbounds);
        }
    }

    /**
     * The moment the lead's single timer should fire: the earliest bucket expiry while the window holds anything;
     * else the cleanup point (the last event, once the lead is converted or disqualified; the retention otherwise).
     */
    public Long nextTimer(LeadProfileState state) {
        Long expiry = nextExpiry(state);
        if (expiry != null) {
            return expiry;
        }
        if (state.lastActivityAt == null) {
            return null;
        }
        return isClosed(state) ? state.lastActivityAt : retentionDeadline(state);
    }

    /** When the oldest contribution leaves the window, or null while the window is empty. */
    public Long nextExpiry(LeadProfileState state) {
        return state.windowStarts.length == 0 ? null : leavesWindowAt(state.windowStarts[0]);
    }

    /**
     * True once nothing about the lead can change any more: the window is empty and either the lead is closed and
     * the watermark has passed its last event, or it has been inactive for the retention.
     */
    public boolean canBeDropped(LeadProfileState state, long watermark) {
        if (state.windowStarts.length > 0 || state.lastActivityAt == null) {
            return false;
        }
        return (isClosed(state) && watermark >= state.lastActivityAt) || watermark >= retentionDeadline(state);
    }

    public boolean isClosed(LeadProfileState state) {
        return state.status != null && !LeadProfile.STATUS_OPEN.equals(state.status);
    }

    /** The profile as emitted: version, asOf and trigger included. */
    public LeadProfile snapshot(LeadProfileState state, String trigger, String triggerEventId) {
        return build(state, LeadProfile.profileId(state.tenantId, state.leadId, state.version), state.version,
                Instant.ofEpochMilli(state.asOf), trigger, triggerEventId);
    }

    /** The profile's content without version, asOf or trigger: equal content means nothing to emit. */
    public LeadProfile content(LeadProfileState state) {
        return build(state, null, 0, null, null, null);
    }

    /** How many events the window counts for {@code counter} as of the profile's clock. */
    public int windowCount(LeadProfileState state, WindowCounter counter) {
        int total = 0;
        for (int i = 0; i < state.windowCounters.length; i++) {
            if (state.windowCounters[i] == counter.ordinal()) {
                total += state.windowCounts[i];
            }
        }
        return total;
    }

    public long leavesWindowAt(long bucketStart) {
        return bucketStart + windowMillis;
    }

    public long bucketStart(long time) {
        return Math.floorDiv(time, bucketMillis) * bucketMillis;
    }

    private long retentionDeadline(LeadProfileState state) {
        return state.lastActivityAt + retentionMillis;
    }

    private static Long latestOutboundBefore(LeadProfileState state, long reply) {
        Long latest = state.settledOutboundAt != null && state.settledOutboundAt < reply ? state.settledOutboundAt : null;
        for (long outbound : state.unsettledOutbounds) {
            if (outbound < reply && (latest == null || outbound > latest)) {
                latest = outbound;
            }
        }
        return latest;
    }

    private void countInWindow(LeadProfileState state, WindowCounter counter, long time) {
        if (counter == null) {
            return;
        }
        long start = bucketStart(time);
        if (leavesWindowAt(start) <= state.asOf) {
            return; // already older than the window as of the profile's clock: lifetime fields only
        }
        byte code = (byte) counter.ordinal();
        long[] starts = state.windowStarts;
        byte[] counters = state.windowCounters;
        // Events mostly arrive in time order, so the slot is found scanning back from the end.
        int index = starts.length;
        while (index > 0 && (starts[index - 1] > start || (starts[index - 1] == start && counters[index - 1] >= code))) {
            index--;
        }
        if (index < starts.length && starts[index] == start && counters[index] == code) {
            state.windowCounts[index]++;
            return;
        }
        state.windowStarts = insert(starts, index, start);
        state.windowCounters = insert(counters, index, code);
        state.windowCounts = insert(state.windowCounts, index, 1);
    }

    private static long[] append(long[] values, long value) {
        long[] grown = Arrays.copyOf(values, values.length + 1);
        grown[values.length] = value;
        return grown;
    }

    private static long[] insert(long[] values, int index, long value) {
        long[] grown = new long[values.length + 1];
        System.arraycopy(values, 0, grown, 0, index);
        grown[index] = value;
        System.arraycopy(values, index, grown, index + 1, values.length - index);
        return grown;
    }

    private static byte[] insert(byte[] values, int index, byte value) {
        byte[] grown = new byte[values.length + 1];
        System.arraycopy(values, 0, grown, 0, index);
        grown[index] = value;
        System.arraycopy(values, index, grown, index + 1, values.length - index);
        return grown;
    }

    private static int[] insert(int[] values, int index, int value) {
        int[] grown = new int[values.length + 1];
        System.arraycopy(values, 0, grown, 0, index);
        grown[index] = value;
        System.arraycopy(values, index, grown, index + 1, values.length - index);
        return grown;
    }

    private void applyAttributes(LeadProfileState state, EventType type, CrmEvent event, long time) {
        try {
            switch (type) {
                case LEAD_CREATED -> {
                    LeadCreated created = event.payloadAs(LeadCreated.class);
                    applyLeadFields(state, time, created.name(), created.title(), created.company(),
                            created.companySize(), created.industry(), created.country(), created.source());
                    set(state, LeadAttribute.CAMPAIGN_ID, time, event.campaignId(), v -> state.campaignId = v);
                }
                case LEAD_UPDATED -> {
                    LeadUpdated updated = event.payloadAs(LeadUpdated.class);
                    applyLeadFields(state, time, updated.name(), updated.title(), updated.company(),
                            updated.companySize(), updated.industry(), updated.country(), updated.source());
                    set(state, LeadAttribute.CAMPAIGN_ID, time, event.campaignId(), v -> state.campaignId = v);
                }
                case LEAD_ASSIGNED -> set(state, LeadAttribute.OWNER_ID, time,
                        event.payloadAs(LeadAssigned.class).ownerId(), v -> state.ownerId = v);
                case LEAD_CONVERTED -> set(state, LeadAttribute.STATUS, time, LeadProfile.STATUS_CONVERTED,
                        v -> state.status = v);
                case LEAD_DISQUALIFIED -> set(state, LeadAttribute.STATUS, time, LeadProfile.STATUS_DISQUALIFIED,
                        v -> state.status = v);
                default -> {
                }
            }
        } catch (RuntimeException unreadablePayload) {
            // Validated events always bind; should one not, its attributes are skipped rather than the job failed.
        }
    }

    private static void applyLeadFields(LeadProfileState state, long time, String name, String title, String company,
                                        Integer companySize, String industry, String country, String source) {
        set(state, LeadAttribute.NAME, time, name, v -> state.name = v);
        set(state, LeadAttribute.TITLE, time, title, v -> state.title = v);
        set(state, LeadAttribute.COMPANY, time, company, v -> state.company = v);
        set(state, LeadAttribute.COMPANY_SIZE, time, companySize, v -> state.companySize = v);
        set(state, LeadAttribute.INDUSTRY, time, industry, v -> state.industry = v);
        set(state, LeadAttribute.COUNTRY, time, country, v -> state.country = v);
        set(state, LeadAttribute.SOURCE, time, source, v -> state.source = v);
    }

    /** Absent values leave the attribute unchanged; an older event never overwrites a newer one's value. */
    private static <T> void set(LeadProfileState state, LeadAttribute attribute, long time, T value,
                                Consumer<T> setter) {
        if (value == null) {
            return;
        }
        long[] times = state.attributeTimes;
        int index = attribute.ordinal();
        if (times == null || times.length <= index) {
            // Sized for every attribute known now; a state saved before an attribute was added grows here.
            int known = times == null ? 0 : times.length;
            times = times == null ? new long[ATTRIBUTES] : Arrays.copyOf(times, ATTRIBUTES);
            Arrays.fill(times, known, ATTRIBUTES, LeadProfileState.NEVER);
            state.attributeTimes = times;
        }
        if (time >= times[index]) {
            setter.accept(value);
            times[index] = time;
        }
    }

    private LeadProfile build(LeadProfileState state, String profileId, long version, Instant asOf, String trigger,
                              String triggerEventId) {
        int[] window = new int[WindowCounter.count()];
        for (int i = 0; i < state.windowCounters.length; i++) {
            window[state.windowCounters[i]] += state.windowCounts[i];
        }
        int responseCount = state.settledResponseCount;
        long responseSeconds = state.settledResponseSeconds;
        for (long reply : state.unsettledReplies) {
            Long outbound = latestOutboundBefore(state, reply);
            if (outbound != null) {
                responseCount++;
                responseSeconds += (reply - outbound) / 1000;
            }
        }
        return new LeadProfile(profileId, state.tenantId, state.leadId, version, asOf, trigger, triggerEventId,
                state.name, state.title, state.company, state.companySize, state.industry, state.country,
                state.source, state.campaignId, state.ownerId,
                Objects.requireNonNullElse(state.status, LeadProfile.STATUS_OPEN),
                window[WindowCounter.EMAILS_SENT.ordinal()], window[WindowCounter.EMAIL_OPENS.ordinal()],
                window[WindowCounter.EMAIL_CLICKS.ordinal()], window[WindowCounter.EMAIL_REPLIES.ordinal()],
                window[WindowCounter.WEB_VISITS.ordinal()], window[WindowCounter.CONTENT_DOWNLOADS.ordinal()],
                window[WindowCounter.DEMO_REQUESTS.ordinal()], window[WindowCounter.FORM_SUBMITS.ordinal()],
                window[WindowCounter.CALLS_MEETINGS.ordinal()],
                state.totalEvents, state.lastDemoRequestAt != null, instant(state.lastDemoRequestAt),
                instant(state.firstTouchAt), instant(state.lastTouchAt), instant(state.lastActivityAt),
                responseCount, responseSeconds,
                instant(nextExpiry(state)));
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
