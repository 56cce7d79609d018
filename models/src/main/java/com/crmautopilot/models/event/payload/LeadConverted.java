package com.crmautopilot.models.event.payload;

/** The lead became a customer opportunity: the conversion label of lead scoring. */
public record LeadConverted(String opportunityId) {
}
