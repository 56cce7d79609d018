package com.crmautopilot.simulator.truth;

/**
 * A valid record emitted after records with later event times.
 *
 * @param latenessMillis how far its event time lies behind the latest event time emitted before it
 * @param duplicate      true when it is an injected duplicate (duplicates come late by construction)
 */
public record OutOfOrderTruth(long line, String tenantId, String eventId, long eventTimeMillis, long latenessMillis,
                              boolean duplicate) {
}
