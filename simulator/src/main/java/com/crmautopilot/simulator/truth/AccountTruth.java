package com.crmautopilot.simulator.truth;

import java.time.Instant;

/**
 * An account with its true firmographics; {@code missingFields} (semicolon-separated wire names, null for none) were left out of
 * its {@code account.updated} until {@code enrichedAt}, if that came.
 */
public record AccountTruth(
        String tenantId,
        String accountId,
        String name,
        String industry,
        int employeeCount,
        double annualRevenue,
        String country,
        String ownerId,
        String missingFields,
        Instant createdAt,
        Instant enrichedAt,
        String sourceLeadId) {
}
