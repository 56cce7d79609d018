package com.crmautopilot.models.event.payload;

/** The deal was lost. */
public record OpportunityClosedLost(String reason) {
}
