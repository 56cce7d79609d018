package com.crmautopilot.models.output;

import com.crmautopilot.models.scoring.Tier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A lead's score on {@code ai.lead-scores}, emitted each time it changes: the seed's scoring API response plus the
 * identifiers, the trigger and the lead's recent history. An unchanged score is not emitted again, unless a manual
 * rescore asks for it.
 *
 * @param scoreId          deterministic: tenant, lead, model version, event time and score, so a replay writes the
 *                         same id again
 * @param score            the calibrated probability as 0-100
 * @param probability      the calibrated probability of conversion
 * @param tier             from the model's tier thresholds on {@code probability}
 * @param confidence       0-1: how complete the lead's data is and how far the probability sits from a tier
 *                         boundary (see the scoring operator's {@code ScoreConfidence})
 * @param factors          the strongest contributions for and against, as sentences with evidence and weight
 * @param suggestedActions what to do next, from the top factors and the tier through the rules table
 * @param nextRescore      when time alone will rescore the lead (a windowed count expiring, or recency decaying);
 *                         null when the lead is quiet for so long that only a new event can change its score
 * @param modelVersion     the model that scored it
 * @param scoredAt         event time of the scoring
 * @param trigger          what caused this rescore (see {@link ScoreHistoryEntry#trigger()})
 * @param triggerEventId   the event behind it, when an event caused it; null for time, model and manual rescores
 * @param reason           what moved and by how much, as a sentence
 * @param history          the lead's last changes, oldest first, this one last (bounded, 50 by default)
 */
public record LeadScore(
        String scoreId,
        String tenantId,
        String leadId,
        int score,
        double probability,
        Tier tier,
        double confidence,
        ScoreFactors factors,
        List<String> suggestedActions,
        Instant nextRescore,
        String modelVersion,
        Instant scoredAt,
        String trigger,
        String triggerEventId,
        String reason,
        List<ScoreHistoryEntry> history) {

    public LeadScore {
        suggestedActions = suggestedActions == null ? List.of() : List.copyOf(suggestedActions);
        history = history == null ? List.of() : List.copyOf(history);
    }

    public static String scoreId(String tenantId, String leadId, String modelVersion, Instant scoredAt, int score) {
        String seed = tenantId + "|" + leadId + "|" + modelVersion + "|" + scoredAt.toEpochMilli() + "|" + score;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
