package com.crmautopilot.models.event.payload;

/** A web form was submitted. */
public record FormSubmitted(String form) {
}
