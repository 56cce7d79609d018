package com.crmautopilot.models.output;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Why a record went to {@code ai.dead-letter}. The wire form is the lower-case name, e.g. {@code not_json}. */
public enum DeadLetterReason {
    /** The bytes are not a JSON document (or not a JSON object). */
    NOT_JSON,
    /** The record is larger than the configured size limit. */
    OVERSIZED,
    /** A required envelope field ({@code tenant_id}, {@code event_id}, {@code type}, {@code occurred_at}) is missing or blank. */
    MISSING_FIELD,
    /** {@code type} names no known event type. */
    UNKNOWN_TYPE,
    /** {@code schema_version} is not one this build reads. */
    UNKNOWN_SCHEMA_VERSION,
    /** A field has the wrong JSON type (a number where a string belongs, an object where a number belongs...). */
    WRONG_TYPE,
    /** {@code occurred_at} cannot be parsed as an ISO-8601 instant. */
    BAD_TIMESTAMP,
    /** {@code occurred_at} is further in the future than the allowed clock skew. */
    FUTURE_TIMESTAMP,
    /** The event type needs an entity reference that is absent (an {@code email.opened} with no lead or contact). */
    MISSING_REFERENCE,
    /** The payload lacks a field its type requires. */
    INVALID_PAYLOAD,
    /** The same {@code event_id} was already seen for this tenant. */
    DUPLICATE,
    /** The event arrived after the watermark had passed its time. */
    LATE,
    /** A model announced on {@code ai.models} that the job will not serve: unreadable, or its feature spec does not match. */
    MODEL_REFUSED,
    /** A notification could not be delivered within its retry budget (the channel stayed down, or kept failing). */
    DELIVERY_FAILED,
    /** The receiver refused a notification for good (HTTP 4xx other than 429, SMTP 5xx, a bad address or channel). */
    DELIVERY_REJECTED,
    /** A notification's destination is not allowed (a webhook URL not https, or its host not on the allowlist). */
    DESTINATION_NOT_ALLOWED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * True for the reasons the validator decides from the bytes alone (not duplicates, lateness, refused models or
     * the delivery reasons of notifications).
     */
    public boolean isMalformed() {
        return this != DUPLICATE && this != LATE && this != MODEL_REFUSED && !isDelivery();
    }

    /** True for the reasons a notification sink gives when it cannot deliver. */
    public boolean isDelivery() {
        return this == DELIVERY_FAILED || this == DELIVERY_REJECTED || this == DESTINATION_NOT_ALLOWED;
    }
}
