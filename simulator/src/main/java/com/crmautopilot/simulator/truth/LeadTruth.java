package com.crmautopilot.simulator.truth;

import java.time.Instant;

/**
 * The truth about one lead. Firmographics are the true values, also where {@code lead.created} left them out
 * ({@code hiddenFields}, semicolon-separated, null for none). {@code conversionProbability} is p of
 * {@link com.crmautopilot.simulator.world.LeadPropensity}: score leads with it to get the oracle AUC.
 *
 * @param willConvert the latent outcome (true with probability p), which may fall after the period
 * @param converted   a {@code lead.converted} event was emitted, at {@code convertedAt}
 */
public record LeadTruth(
        String tenantId,
        String leadId,
        Instant createdAt,
        String ownerId,
        String title,
        String seniority,
        String company,
        String accountId,
        int companySize,
        String industry,
        String country,
        String timeZone,
        String source,
        String campaignId,
        String hiddenFields,
        double interest,
        double habit,
        double logit,
        double conversionProbability,
        boolean willConvert,
        boolean converted,
        Instant convertedAt,
        boolean disqualified,
        Instant disqualifiedAt,
        String opportunityId) {
}
