package com.crmautopilot.models.event.payload;

/** The recipient server accepted an outbound email. */
public record EmailDelivered(String variantId) {
}
