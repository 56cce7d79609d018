package com.crmautopilot.models.event.payload;

/** A rep logged a meeting. */
public record MeetingLogged(Integer durationMinutes, Integer attendees) {
}
