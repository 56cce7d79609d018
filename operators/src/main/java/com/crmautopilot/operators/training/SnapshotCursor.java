package com.crmautopilot.operators.training;

import com.crmautopilot.models.output.LeadProfile;

/**
 * Where one lead's snapshotting stands, in ONE value state. A Flink POJO (public no-arg constructor and public
 * fields) so it evolves with savepoints. Times are epoch millis of event time; {@code null} = not yet.
 *
 * <p>The rules live in {@link PointInTimeSnapshotFunction}; this class is only the data.
 */
public class SnapshotCursor {

    /**
     * The newest profile, not decided on yet: profiles that share an {@code asOf} may come in any order (batch
     * sorting is by time only), so a moment is decided once a later moment arrives, from its highest version.
     */
    public LeadProfile pending;
    /** The profile the last kept snapshot came from, to tell whether a change moves the features at all. */
    public LeadProfile lastSnapshot;
    /** The cadence period (a UTC day, or the instant itself) of the last kept snapshot. */
    public long lastSnapshotPeriod = Long.MIN_VALUE;
    /** When the lead was first seen converted or disqualified; nothing from then on is snapshotted. */
    public Long closedAt;
    /** When the lead was first seen converted: the labels' outcome. */
    public Long convertedAt;

    public SnapshotCursor() {
    }
}
