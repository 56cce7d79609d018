package com.crmautopilot.models.event.payload;

/** A contact joined the deal; role is champion, decision_maker, economic_buyer or influencer. */
public record OpportunityContactAdded(String role) {
}
