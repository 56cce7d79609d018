package com.crmautopilot.models.event.payload;

/** An outbound email bounced (hard or soft). */
public record EmailBounced(String bounceType) {
}
