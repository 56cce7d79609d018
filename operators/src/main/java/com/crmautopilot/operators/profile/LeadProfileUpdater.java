package com.crmautopilot.operators.profile;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.LeadAssigned;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.event.payload.LeadUpdated;
import com.crmautopilot.models.output.LeadProfile;

import java.io.Serializable;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
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
 */
public final class LeadProfileUpdater implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the lead did itself: these move {@code last_touch_at}. */
    public static final Set<EventType> TOUCHES = EnumSet.of(EventType.EMAIL_OPENED, EventType.EMAIL_CLICKED,
            EventType.EMAIL_REPLIED, EventType.WEB_VISIT, EventType.CONTENT_DOWNLOADED, EventType.DEMO_REQUESTED,
            EventType.FORM_SUBMITTED);
    /** Our outbound touches a reply is paired with to measure response time. */
    public static final Set<EventType> RESPONSE_OUTBOUNDS = EnumSet.of(EventType.EMAIL_SENT, EventType.CALL_LOGGED);

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
     * Applies one event that is not late. {@code watermark} is the operator's current watermark: replies at or below
     * it can no longer be re-paired and are settled first.
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
            state.recentOutbounds.add(time);
        } else if (type == EventType.EMAIL_REPLIED) {
            state.pendingReplies.add(time);
        }
        countInWindow(state, type, time);
        applyAttributes(state, type, event, time);
    }

    /** Moves the profile's clock to {@code time} (never back) and drops the buckets that left the window. */
    public void advanceTo(LeadProfileState state, long time) {
        if (time <= state.asOf) {
            return;
        }
        state.asOf = time;
        state.buckets.removeIf(bucket -> leavesWindowAt(bucket) <= state.asOf);
    }

    /** Folds replies at or below the watermark into the settled totals, then compacts the outbound touches. */
    public void settleResponses(LeadProfileState state, long watermark) {
        if (watermark == Long.MIN_VALUE) {
            return;
        }
        // Replies first: pairing a settled reply may need an outbound touch that compaction would fold away.
        for (Iterator<Long> replies = state.pendingReplies.iterator(); replies.hasNext(); ) {
            long reply = replies.next();
            if (reply <= watermark) {
                Long outbound = latestOutboundBefore(state, reply);
                if (outbound != null) {
                    state.settledResponseCount++;
                    state.settledResponseSeconds += (reply - outbound) / 1000;
                }
                replies.remove();
            }
        }
        for (Iterator<Long> outbounds = state.recentOutbounds.iterator(); outbounds.hasNext(); ) {
            long outbound = outbounds.next();
            if (outbound <= watermark) {
                state.settledOutboundAt = state.settledOutboundAt == null ? outbound
                        : Math.max(state.settledOutboundAt, outbound);
                outbounds.remove();
            }
        }
    }

    /**
     * The moment the lead's single timer should fire: the earliest bucket expiry while the window holds anything;
     * else the cleanup point (the last event, once the lead is converted or disqualified; the retention otherwise).
     */
    public Long nextTimer(LeadProfileState state) {
        if (!state.buckets.isEmpty()) {
            return leavesWindowAt(state.buckets.get(0));
        }
        if (state.lastActivityAt == null) {
            return null;
        }
        return isClosed(state) ? state.lastActivityAt : retentionDeadline(state);
    }

    /**
     * True once nothing about the lead can change any more: the window is empty and either the lead is closed and
     * the watermark has passed its last event, or it has been inactive for the retention.
     */
    public boolean canBeDropped(LeadProfileState state, long watermark) {
        if (!state.buckets.isEmpty() || state.lastActivityAt == null) {
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

    public long leavesWindowAt(WindowBucket bucket) {
        return bucket.start + windowMillis;
    }

    public long bucketStart(long time) {
        return Math.floorDiv(time, bucketMillis) * bucketMillis;
    }

    private long retentionDeadline(LeadProfileState state) {
        return state.lastActivityAt + retentionMillis;
    }

    private Long latestOutboundBefore(LeadProfileState state, long reply) {
        Long latest = state.settledOutboundAt != null && state.settledOutboundAt < reply ? state.settledOutboundAt : null;
        for (long outbound : state.recentOutbounds) {
            if (outbound < reply && (latest == null || outbound > latest)) {
                latest = outbound;
            }
        }
        return latest;
    }

    private void countInWindow(LeadProfileState state, EventType type, long time) {
        if (!countsInWindow(type)) {
            return;
        }
        long start = bucketStart(time);
        if (start + windowMillis <= state.asOf) {
            return; // already older than the window as of the profile's clock: lifetime fields only
        }
        WindowBucket bucket = bucketAt(state.buckets, start);
        switch (type) {
            case EMAIL_SENT -> bucket.emailsSent++;
            case EMAIL_OPENED -> bucket.emailOpens++;
            case EMAIL_CLICKED -> bucket.emailClicks++;
            case EMAIL_REPLIED -> bucket.emailReplies++;
            case WEB_VISIT -> bucket.webVisits++;
            case CONTENT_DOWNLOADED -> bucket.contentDownloads++;
            case DEMO_REQUESTED -> bucket.demoRequests++;
            case FORM_SUBMITTED -> bucket.formSubmits++;
            case CALL_LOGGED, MEETING_LOGGED -> bucket.callsMeetings++;
            default -> throw new IllegalStateException("no window counter for " + type);
        }
    }

    private static boolean countsInWindow(EventType type) {
        return switch (type) {
            case EMAIL_SENT, EMAIL_OPENED, EMAIL_CLICKED, EMAIL_REPLIED, WEB_VISIT, CONTENT_DOWNLOADED,
                 DEMO_REQUESTED, FORM_SUBMITTED, CALL_LOGGED, MEETING_LOGGED -> true;
            default -> false;
        };
    }

    private static WindowBucket bucketAt(List<WindowBucket> buckets, long start) {
        int index = buckets.size();
        while (index > 0 && buckets.get(index - 1).start >= start) {
            index--;
        }
        if (index < buckets.size() && buckets.get(index).start == start) {
            return buckets.get(index);
        }
        WindowBucket bucket = new WindowBucket(start);
        buckets.add(index, bucket);
        return bucket;
    }

    private void applyAttributes(LeadProfileState state, EventType type, CrmEvent event, long time) {
        try {
            switch (type) {
                case LEAD_CREATED -> {
                    LeadCreated created = event.payloadAs(LeadCreated.class);
                    applyLeadFields(state, time, created.name(), created.title(), created.company(),
                            created.companySize(), created.industry(), created.country(), created.source());
                    set(state, "campaign_id", time, event.campaignId(), v -> state.campaignId = v);
                }
                case LEAD_UPDATED -> {
                    LeadUpdated updated = event.payloadAs(LeadUpdated.class);
                    applyLeadFields(state, time, updated.name(), updated.title(), updated.company(),
                            updated.companySize(), updated.industry(), updated.country(), updated.source());
                    set(state, "campaign_id", time, event.campaignId(), v -> state.campaignId = v);
                }
                case LEAD_ASSIGNED -> set(state, "owner_id", time, event.payloadAs(LeadAssigned.class).ownerId(),
                        v -> state.ownerId = v);
                case LEAD_CONVERTED -> set(state, "status", time, LeadProfile.STATUS_CONVERTED, v -> state.status = v);
                case LEAD_DISQUALIFIED -> set(state, "status", time, LeadProfile.STATUS_DISQUALIFIED,
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
        set(state, "name", time, name, v -> state.name = v);
        set(state, "title", time, title, v -> state.title = v);
        set(state, "company", time, company, v -> state.company = v);
        set(state, "company_size", time, companySize, v -> state.companySize = v);
        set(state, "industry", time, industry, v -> state.industry = v);
        set(state, "country", time, country, v -> state.country = v);
        set(state, "source", time, source, v -> state.source = v);
    }

    /** Absent values leave the attribute unchanged; an older event never overwrites a newer one's value. */
    private static <T> void set(LeadProfileState state, String attribute, long time, T value,
                                Consumer<T> setter) {
        if (value == null) {
            return;
        }
        Long setAt = state.attributeSetAt.get(attribute);
        if (setAt == null || time >= setAt) {
            setter.accept(value);
            state.attributeSetAt.put(attribute, time);
        }
    }

    private LeadProfile build(LeadProfileState state, String profileId, long version, Instant asOf, String trigger,
                              String triggerEventId) {
        int emailsSent = 0, emailOpens = 0, emailClicks = 0, emailReplies = 0, webVisits = 0, contentDownloads = 0,
                demoRequests = 0, formSubmits = 0, callsMeetings = 0;
        for (WindowBucket bucket : state.buckets) {
            emailsSent += bucket.emailsSent;
            emailOpens += bucket.emailOpens;
            emailClicks += bucket.emailClicks;
            emailReplies += bucket.emailReplies;
            webVisits += bucket.webVisits;
            contentDownloads += bucket.contentDownloads;
            demoRequests += bucket.demoRequests;
            formSubmits += bucket.formSubmits;
            callsMeetings += bucket.callsMeetings;
        }
        int responseCount = state.settledResponseCount;
        long responseSeconds = state.settledResponseSeconds;
        for (long reply : state.pendingReplies) {
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
                emailsSent, emailOpens, emailClicks, emailReplies, webVisits, contentDownloads, demoRequests,
                formSubmits, callsMeetings,
                state.totalEvents, state.lastDemoRequestAt != null, instant(state.lastDemoRequestAt),
                instant(state.firstTouchAt), instant(state.lastTouchAt), instant(state.lastActivityAt),
                responseCount, responseSeconds);
    }

    private static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
