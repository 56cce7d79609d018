package com.crmautopilot.cep.lead;

/** One remembered touch: when, what event, and which rep (null for the lead's own engagement). */
public record LeadTouch(long at, String eventType, String actorUserId) {
}
