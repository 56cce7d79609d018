package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
/** The expected close date moved (a slip when later). */
public record OpportunityCloseDateChanged(@JsonProperty(required = true) LocalDate closeDate, LocalDate previousCloseDate) {
}
