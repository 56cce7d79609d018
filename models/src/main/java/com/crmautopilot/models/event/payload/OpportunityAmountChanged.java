package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** The deal amount changed. */
public record OpportunityAmountChanged(@JsonProperty(required = true) Double amount, Double previousAmount) {
}
