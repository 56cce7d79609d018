package com.crmautopilot.models.event.payload;

/** Keeps a quiet tenant's event time moving; carries no entity. */
public record Heartbeat() {
}
