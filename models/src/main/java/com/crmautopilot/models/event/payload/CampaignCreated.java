package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** A marketing campaign; channel is email or call. */
public record CampaignCreated(@JsonProperty(required = true) String name, String channel) {
}
