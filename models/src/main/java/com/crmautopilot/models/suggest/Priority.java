package com.crmautopilot.models.suggest;

import java.util.Locale;
import java.util.Optional;

/** Priority bands, highest first. Routing: high to in-app and email now, medium to in-app, low to the digest. */
public enum Priority {
    HIGH, MEDIUM, LOW;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Priority other) {
        return ordinal() <= other.ordinal();
    }

    public static Optional<Priority> fromWire(String wireName) {
        for (Priority priority : values()) {
            if (priority.wireName().equals(wireName)) {
                return Optional.of(priority);
            }
        }
        return Optional.empty();
    }
}
