package com.crmautopilot.models.event.payload;

/** The lead or contact replied to us: the response-speed signal. */
public record EmailReplied(String subject) {
}
