package com.crmautopilot.simulator.engine;

import com.crmautopilot.models.event.EventType;

/**
 * One event of the clean stream, encoded.
 *
 * @param onEmitted truth bookkeeping to run if and when the record is actually emitted (null for none)
 */
public record CleanEvent(String key, byte[] bytes, String tenantId, String eventId, long timeMillis, EventType type,
                         Runnable onEmitted) {
}
