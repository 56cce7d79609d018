package com.crmautopilot.simulator.truth;

import com.crmautopilot.models.output.DeadLetterReason;

/**
 * An injected malformed record.
 *
 * @param line    its 1-based line in {@code events.jsonl} (its index in the stream, plus one)
 * @param eventId the {@code event_id} it carries, or null when it has none
 * @param reason  the reason the validator must give
 */
public record DefectTruth(long line, String tenantId, String eventId, DeadLetterReason reason, String key) {
}
