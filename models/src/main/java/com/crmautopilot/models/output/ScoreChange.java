package com.crmautopilot.models.output;

import com.crmautopilot.models.scoring.Tier;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead that moved to another tier, on {@code ai.score-changes}: what lead triggers and notifications listen to.
 * A lead's first score is not a change (there is no old tier); it appears on {@code ai.lead-scores} only.
 *
 * @param changeId        deterministic: tenant, lead, tiers, model and event time
 * @param oldModelVersion the model behind the old tier, which differs from {@code modelVersion} after a swap
 * @param changedAt       event time of the rescore that moved it
 * @param trigger         what caused the rescore (see {@link ScoreHistoryEntry#trigger()})
 * @param why             a sentence: the trigger and the contributions that moved the most
 */
public record ScoreChange(
        String changeId,
        String tenantId,
        String leadId,
        Tier oldTier,
        Tier newTier,
        int oldScore,
        int newScore,
        String oldModelVersion,
        String modelVersion,
        Instant changedAt,
        String trigger,
        String why) {

    public static String changeId(String tenantId, String leadId, Tier oldTier, Tier newTier, String modelVersion,
                                  Instant changedAt) {
        String seed = tenantId + "|" + leadId + "|" + oldTier + "|" + newTier + "|" + modelVersion + "|"
                + changedAt.toEpochMilli();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** True when the lead moved to a better tier (cold to warm, warm to hot, cold to hot). */
    @JsonIgnore
    public boolean isUpgrade() {
        return newTier.ordinal() < oldTier.ordinal();
    }
}
