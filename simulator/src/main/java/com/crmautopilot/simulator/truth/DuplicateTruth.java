package com.crmautopilot.simulator.truth;

/** An injected duplicate: a byte-identical copy, at {@code line}, of the clean record at {@code originalLine}. */
public record DuplicateTruth(long line, String tenantId, String eventId, long originalLine) {
}
