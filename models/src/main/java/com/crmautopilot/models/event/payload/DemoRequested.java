package com.crmautopilot.models.event.payload;

/** The lead asked for a demo. */
public record DemoRequested(String product) {
}
