package com.crmautopilot.models.event.payload;

/** The buyer confirmed budget. */
public record OpportunityBudgetConfirmed(Double amount) {
}
