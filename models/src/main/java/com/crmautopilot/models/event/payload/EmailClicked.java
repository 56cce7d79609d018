package com.crmautopilot.models.event.payload;

/** The recipient clicked a link in one of our emails. */
public record EmailClicked(String url, String variantId) {
}
