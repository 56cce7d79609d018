package com.crmautopilot.models.event.payload;

/** The deal was won. */
public record OpportunityClosedWon(Double amount) {
}
