package com.crmautopilot.models.event.payload;

/** A campaign (or one variant) went out; recipients is the audience size. */
public record CampaignSent(String variantId, Integer recipients) {
}
