package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
/** A new deal. stage is prospecting, qualification, proposal or negotiation. */
public record OpportunityCreated(@JsonProperty(required = true) String name, Double amount, String currency, @JsonProperty(required = true) String stage, LocalDate closeDate, String ownerId) {
}
