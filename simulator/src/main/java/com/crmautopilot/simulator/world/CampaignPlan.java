package com.crmautopilot.simulator.world;

import java.time.Instant;
import java.util.List;

/**
 * An email campaign: created, its variants added, then sent once to a random share of the tenant's open leads,
 * each recipient getting one variant at random.
 *
 * @param audienceFraction the share of eligible leads (open, subscribed, created before the send) that receive it
 */
public record CampaignPlan(
        String tenantId,
        String campaignId,
        String name,
        Instant createdAt,
        Instant sendAt,
        double audienceFraction,
        List<VariantPlan> variants) {

    public static final int MAX_RECIPIENTS = 5000;

    public CampaignPlan {
        variants = List.copyOf(variants);
    }
}
