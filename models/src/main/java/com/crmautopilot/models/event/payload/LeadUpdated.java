package com.crmautopilot.models.event.payload;

/** Changed lead attributes only; absent fields are unchanged. */
public record LeadUpdated(String name, String email, String title, String company, Integer companySize, String industry, String country, String source) {
}
