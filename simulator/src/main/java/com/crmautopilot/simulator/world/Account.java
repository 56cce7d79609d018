package com.crmautopilot.simulator.world;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A company the tenant sells to. The firmographic fields hold the true values; the {@code *Missing} flags say
 * which ones the CRM does not know ({@code account.updated} leaves them out) until {@code enrichedAt}, if ever.
 *
 * @param sourceLeadId the lead whose conversion created the account, or null for accounts of the initial book
 */
public record Account(
        String tenantId,
        String accountId,
        String name,
        String industry,
        int employeeCount,
        double annualRevenue,
        String country,
        String ownerId,
        boolean industryMissing,
        boolean employeesMissing,
        boolean revenueMissing,
        Instant createdAt,
        Instant enrichedAt,
        String sourceLeadId,
        List<Contact> contacts) {

    public Account {
        contacts = List.copyOf(contacts);
    }

    public boolean anyMissing() {
        return industryMissing || employeesMissing || revenueMissing;
    }

    /** The missing fields by wire name, e.g. {@code [industry, annual_revenue]}. */
    public List<String> missingFields() {
        List<String> fields = new ArrayList<>();
        if (industryMissing) {
            fields.add("industry");
        }
        if (employeesMissing) {
            fields.add("employee_count");
        }
        if (revenueMissing) {
            fields.add("annual_revenue");
        }
        return fields;
    }
}
