package com.crmautopilot.models.event.payload;

/** Account attributes; revenue, industry or size may be missing, which the missing-data trigger notices. */
public record AccountUpdated(String name, Double annualRevenue, String industry, Integer employeeCount, String country, String ownerId) {
}
