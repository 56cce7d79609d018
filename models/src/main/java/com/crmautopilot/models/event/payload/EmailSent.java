package com.crmautopilot.models.event.payload;

/** An outbound email from us (a rep or a campaign variant). */
public record EmailSent(String subject, String variantId) {
}
