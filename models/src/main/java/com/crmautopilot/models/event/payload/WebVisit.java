package com.crmautopilot.models.event.payload;

/** A tracked visit to our website. */
public record WebVisit(String url, Integer durationSeconds) {
}
