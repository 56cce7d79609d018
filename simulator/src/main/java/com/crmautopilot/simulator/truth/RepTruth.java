package com.crmautopilot.simulator.truth;

import java.util.Map;

/**
 * A rep and their hidden traits: acceptance probability per suggestion trigger type, how often and how fast
 * they follow up.
 */
public record RepTruth(
        String tenantId,
        String userId,
        String name,
        String email,
        String timeZone,
        double followUpProbability,
        double responseHours,
        Map<String, Double> acceptance) {
}
