package com.crmautopilot.simulator.truth;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The truth about one deal: its health components, its true win probability
 * ({@link com.crmautopilot.simulator.world.DealWinModel}) and what happened.
 *
 * @param willWin the latent outcome (true with probability {@code winProbability})
 * @param outcome {@code won} or {@code lost} when a closing event was emitted, else {@code open}
 */
public record DealTruth(
        String tenantId,
        String opportunityId,
        String accountId,
        String sourceLeadId,
        String ownerId,
        Instant createdAt,
        double amount,
        LocalDate plannedCloseDate,
        LocalDate finalCloseDate,
        int closeDateChanges,
        double activityLevel,
        boolean champion,
        boolean decisionMaker,
        boolean economicBuyer,
        int influencers,
        boolean competitor,
        boolean budgetConfirmed,
        boolean stale,
        Instant staleFrom,
        Instant staleUntil,
        double winProbability,
        boolean willWin,
        String outcome,
        Instant closedAt) {
}
