package com.crmautopilot.models.scoring;

/**
 * A lead-scoring model as the streaming side sees it, with no Flink and no native code: score an encoded row,
 * explain it, and say which version and spec it is. Implementations are immutable and thread-safe, so a job can
 * swap one in atomically and drop the old one.
 */
public interface Model {

    /** The version every score carries, unique per trained artifact. */
    String version();

    /** The spec that rows must be encoded with. */
    FeatureSpec spec();

    TierThresholds tiers();

    ScoreResult score(FeatureVector row);

    /** Per-feature contributions to the margin; costs a few hundred scores, so call it for emitted scores only. */
    Contributions explain(FeatureVector row);
}
