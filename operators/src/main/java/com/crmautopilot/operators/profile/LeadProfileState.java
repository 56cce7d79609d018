package com.crmautopilot.operators.profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything kept for one lead, in ONE value state. A Flink POJO (public no-arg constructor, public fields, lists and
 * maps of POJOs and boxed values) so that savepoints restore through POJO schema evolution: fields can be added or
 * removed between versions, never renamed or retyped. Times are epoch millis of event time; {@code null} = unknown.
 *
 * <p>The rules that change it live in {@link LeadProfileUpdater}; this class is only the data.
 */
public class LeadProfileState {

    public String tenantId;
    public String leadId;
    /** Changes emitted so far; the next emitted profile gets {@code version + 1}. */
    public long version;
    /** The profile's clock: the newest event time or expiry time it has seen. */
    public long asOf = Long.MIN_VALUE;

    // Attributes; each is set by the newest event that carries it (see attributeSetAt).
    public String name;
    public String title;
    public String company;
    public Integer companySize;
    public String industry;
    public String country;
    public String source;
    public String campaignId;
    public String ownerId;
    /** null while open; converted or disqualified after the newest lifecycle event that says so. */
    public String status;
    /** Event time at which each attribute was last set, by attribute name: out-of-order updates cannot win. */
    public Map<String, Long> attributeSetAt = new HashMap<>();

    /** Window contributions by bucket, ascending by start, none older than the window. */
    public List<WindowBucket> buckets = new ArrayList<>();

    // Lifetime.
    public long totalEvents;
    public Long firstTouchAt;
    public Long lastTouchAt;
    public Long lastActivityAt;
    public Long lastDemoRequestAt;

    // Response pairing: replies and outbound touches above the settled point can still be re-paired by events that
    // arrive out of order; at or below the watermark they are final and folded into the settled totals.
    public int settledResponseCount;
    public long settledResponseSeconds;
    /** Newest outbound touch at or below the settled point. */
    public Long settledOutboundAt;
    public List<Long> recentOutbounds = new ArrayList<>();
    public List<Long> pendingReplies = new ArrayList<>();

    /** The one event-time timer registered for this lead, or null. */
    public Long timerAt;

    public LeadProfileState() {
    }
}
