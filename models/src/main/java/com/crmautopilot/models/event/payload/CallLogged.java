package com.crmautopilot.models.event.payload;

/** A rep logged a call. */
public record CallLogged(Integer durationSeconds, String outcome) {
}
