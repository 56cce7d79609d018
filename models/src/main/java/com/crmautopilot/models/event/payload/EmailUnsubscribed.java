package com.crmautopilot.models.event.payload;

/** The recipient unsubscribed. */
public record EmailUnsubscribed(String variantId) {
}
