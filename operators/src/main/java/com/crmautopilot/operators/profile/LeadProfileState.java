package com.crmautopilot.operators.profile;

/**
 * Everything kept for one lead, in ONE value state. A Flink POJO (public no-arg constructor, public fields of
 * strings, boxed or primitive values and primitive arrays) so that savepoints restore through POJO schema evolution:
 * fields can be added or removed between versions, never renamed or retyped. Times are epoch millis of event time;
 * {@code null} = unknown.
 *
 * <p>The state is read and written whole on every event and timer, so its shape is chosen for cheap serialization:
 * collections are primitive arrays (serialized in one pass, no per-element objects or null flags), not lists and maps
 * of boxed values or nested POJOs, which cost a reflective call or an allocation per element.
 *
 * <p>The rules that change it live in {@link LeadProfileUpdater}; this class is only the data.
 */
public class LeadProfileState {

    /** In {@link #attributeTimes}: the attribute was never set. */
    public static final long NEVER = Long.MIN_VALUE;

    public String tenantId;
    public String leadId;
    /** Changes emitted so far; the next emitted profile gets {@code version + 1}. */
    public long version;
    /** The profile's clock: the newest event time or expiry time it has seen. */
    public long asOf = Long.MIN_VALUE;

    // Attributes; each is set by the newest event that carries it (see attributeTimes).
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
    /**
     * Event time at which each attribute was last set, indexed by {@link LeadAttribute#ordinal()}, or
     * {@link #NEVER} for one never set: an out-of-order update cannot win. Null until the first attribute is set.
     */
    public long[] attributeTimes;

    /**
     * Window contributions, one entry per (bucket, counter) with a count, sorted by bucket start and then counter,
     * none older than the window: {@code windowStarts[i]} is the bucket start, {@code windowCounters[i]} the
     * {@link WindowCounter#ordinal()}, {@code windowCounts[i]} how many events it counts. The three arrays always
     * have the same length.
     */
    public long[] windowStarts = new long[0];
    public byte[] windowCounters = new byte[0];
    public int[] windowCounts = new int[0];

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
    /** Outbound touches above the settled point, in arrival order. */
    public long[] unsettledOutbounds = new long[0];
    /** Replies above the settled point, in arrival order. */
    public long[] unsettledReplies = new long[0];

    /** The one event-time timer registered for this lead, or null. */
    public Long timerAt;

    public LeadProfileState() {
    }
}
