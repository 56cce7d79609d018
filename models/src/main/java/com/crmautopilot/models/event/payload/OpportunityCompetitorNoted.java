package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** A competitor is in the deal. */
public record OpportunityCompetitorNoted(@JsonProperty(required = true) String competitor) {
}
