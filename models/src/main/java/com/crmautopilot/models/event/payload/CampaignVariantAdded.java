package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** An A/B variant of a campaign. */
public record CampaignVariantAdded(@JsonProperty(required = true) String variantId, String subject, Integer subjectLength) {
}
