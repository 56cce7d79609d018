package com.crmautopilot.models.validation;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetterReason;

/** The outcome of validating one record: a valid event, or the reason it is not one. Never an exception. */
public sealed interface ValidationResult {

    record Valid(CrmEvent event) implements ValidationResult {
    }

    /**
     * @param tenantId and {@code eventId} when they could be read from the record, so the dead letter can name them
     */
    record Invalid(DeadLetterReason reason, String detail, String tenantId, String eventId) implements ValidationResult {
    }

    static ValidationResult invalid(DeadLetterReason reason, String detail) {
        return new Invalid(reason, detail, null, null);
    }
}
