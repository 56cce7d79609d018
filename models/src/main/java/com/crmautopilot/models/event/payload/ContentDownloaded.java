package com.crmautopilot.models.event.payload;
import com.fasterxml.jackson.annotation.JsonProperty;
/** A gated asset (whitepaper, case study) was downloaded. */
public record ContentDownloaded(@JsonProperty(required = true) String asset) {
}
