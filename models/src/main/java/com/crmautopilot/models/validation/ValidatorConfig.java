package com.crmautopilot.models.validation;

import java.time.Duration;
import java.util.Set;

/**
 * Limits of the event validator.
 *
 * @param maxPayloadBytes   the largest record accepted, in bytes (default 64 KiB)
 * @param maxFutureSkew     how far ahead of the validator's clock {@code occurred_at} may be (producer clock skew)
 * @param schemaVersions    the {@code schema_version} values this build reads
 */
public record ValidatorConfig(int maxPayloadBytes, Duration maxFutureSkew, Set<Integer> schemaVersions) {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    public ValidatorConfig {
        if (maxPayloadBytes <= 0) {
            throw new IllegalArgumentException("maxPayloadBytes must be positive, got " + maxPayloadBytes);
        }
        if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException("maxFutureSkew must be zero or positive, got " + maxFutureSkew);
        }
        schemaVersions = Set.copyOf(schemaVersions);
    }

    public static ValidatorConfig defaults() {
        return new ValidatorConfig(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_FUTURE_SKEW, Set.of(1));
    }
}
