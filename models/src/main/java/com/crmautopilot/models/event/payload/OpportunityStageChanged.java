package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** The deal moved to another open stage. */
public record OpportunityStageChanged(String fromStage, @JsonProperty(required = true) String toStage) {
}
