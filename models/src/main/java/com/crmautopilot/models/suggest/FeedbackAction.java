package com.crmautopilot.models.suggest;

import java.util.Locale;
import java.util.Optional;

/** What a user did with a suggestion ({@code crm.feedback}); approve and reject belong to campaign actions. */
public enum FeedbackAction {
    ACCEPTED, DISMISSED, SNOOZED, ACTED, APPROVED, REJECTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FeedbackAction> fromWire(String wireName) {
        for (FeedbackAction action : values()) {
            if (action.wireName().equals(wireName)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }
}
