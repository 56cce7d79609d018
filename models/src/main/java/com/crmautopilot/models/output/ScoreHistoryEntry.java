package com.crmautopilot.models.output;

import com.crmautopilot.models.scoring.Tier;

import java.time.Instant;

/**
 * One change of a lead's score, as kept in its bounded history.
 *
 * @param scoredAt event time of the scoring
 * @param trigger  what caused the rescore: an event type ({@code email.clicked}), {@code window_expiry},
 *                 {@code time_decay}, {@code model_change} or {@code manual_rescore}
 * @param reason   a sentence: what moved and by how much
 */
public record ScoreHistoryEntry(int score, Tier tier, String modelVersion, Instant scoredAt, String trigger,
                                String reason) {
}
