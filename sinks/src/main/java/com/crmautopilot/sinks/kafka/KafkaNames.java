package com.crmautopilot.sinks.kafka;

import java.util.regex.Pattern;

/** Checks for the names Kafka accepts, so a typo fails at job start with the offending value in the message. */
final class KafkaNames {

    /** Kafka's own rule for topic names (and a safe rule for transactional ids and group ids). */
    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private KafkaNames() {
    }

    static String requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    static String requireLegalName(String value, String what) {
        requireText(value, what);
        if (!LEGAL.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " '" + value
                    + "' must be 1-249 characters of letters, digits, '.', '_' or '-'");
        }
        return value;
    }
}
