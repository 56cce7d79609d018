package com.crmautopilot.simulator.world;

/** A person at an account; contacts appear in deal events (stakeholders, calls, meetings, emails). */
public record Contact(String tenantId, String contactId, String accountId, String name, String title) {
}
