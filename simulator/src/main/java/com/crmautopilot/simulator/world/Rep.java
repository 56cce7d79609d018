package com.crmautopilot.simulator.world;

import java.time.ZoneId;
import java.util.Map;

/**
 * A sales rep: a user of the tenant. Their hidden traits shape what they do (how fast they follow up, how often
 * they drop the ball) and how they would answer suggestions.
 *
 * @param followUpProbability chance the rep answers a reply or a demo request at all
 * @param responseHours       median business hours the rep takes to answer
 * @param acceptance          probability of accepting a suggestion, per trigger type (see {@link SuggestionTastes})
 */
public record Rep(
        String tenantId,
        String userId,
        String name,
        String email,
        ZoneId zone,
        double followUpProbability,
        double responseHours,
        Map<String, Double> acceptance) {

    /** The rep's acceptance probability for a trigger type; unknown types get the rep's average. */
    public double acceptanceProbability(String triggerType) {
        Double p = acceptance.get(triggerType);
        if (p != null) {
            return p;
        }
        return acceptance.values().stream().mapToDouble(Double::doubleValue).average().orElse(0.5);
    }
}
