package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** A new lead. company_size is the employee count; source is organic, paid, referral, event or outbound. */
public record LeadCreated(@JsonProperty(required = true) String name, String email, String title, String company, Integer companySize, String industry, String country, String source) {
}
