package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** The lead now belongs to this rep (a user id). */
public record LeadAssigned(@JsonProperty(required = true) String ownerId) {
}
