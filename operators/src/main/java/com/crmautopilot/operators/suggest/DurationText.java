package com.crmautopilot.operators.suggest;

import java.time.Duration;
import java.util.Locale;

/**
 * Reads the durations of {@code conf/triggers.yaml}: ISO-8601 ({@code P7D}, {@code PT24H}) or the shorthand
 * {@code 7d}, {@code 24h}, {@code 15m}, {@code 10s} (the same forms the trigger library accepts).
 */
final class DurationText {

    private DurationText() {
    }

    static Duration parse(String text) {
        String value = text.trim();
        if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        if (value.length() < 2) {
            throw new IllegalArgumentException("not a duration: " + text);
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (Character.toLowerCase(value.charAt(value.length() - 1))) {
            case 'd' -> Duration.ofDays(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 's' -> Duration.ofSeconds(amount);
            default -> throw new IllegalArgumentException("not a duration: " + text);
        };
    }
}
