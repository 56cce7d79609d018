package com.crmautopilot.models.event.payload;

/** The lead is closed without conversion. */
public record LeadDisqualified(String reason) {
}
