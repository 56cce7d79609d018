package com.crmautopilot.models.config;

import java.time.Duration;
import java.util.Locale;

/**
 * The durations of the config files ({@code conf/triggers.yaml} and the overrides written against it): ISO-8601
 * ({@code P30D}, {@code PT24H}) or the shorthand {@code 30d}, {@code 24h}, {@code 15m}, {@code 10s}. One parser,
 * because the trigger library and the suggestion engine read the same file and must agree on what it says.
 */
public final class DurationText {

    private DurationText() {
    }

    /**
     * @throws IllegalArgumentException             when not a duration (a {@link NumberFormatException} for a bad
     *                                              amount)
     * @throws java.time.format.DateTimeParseException when it starts with {@code P} but is not ISO-8601
     */
    public static Duration parse(String text) {
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
