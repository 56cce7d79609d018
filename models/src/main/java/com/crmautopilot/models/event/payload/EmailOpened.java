package com.crmautopilot.models.event.payload;

/** The recipient opened one of our emails. */
public record EmailOpened(String variantId) {
}
