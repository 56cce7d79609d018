package com.crmautopilot.models.validation;

import java.time.Clock;

/**
 * Turns raw {@code crm.events} bytes into a valid {@link com.crmautopilot.models.event.CrmEvent} or a reason it is
 * not one. It never throws. Thread-safe and serializable-free: Flink operators build one in {@code open()}.
 */
public final class EventValidator {

    private final ValidatorConfig config;
    private final Clock clock;

    public EventValidator(ValidatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public ValidationResult validate(byte[] bytes) {
        throw new UnsupportedOperationException("being implemented");
    }
}
