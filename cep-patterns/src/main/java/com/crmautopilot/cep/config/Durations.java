package com.crmautopilot.cep.config;

import java.time.Duration;
import java.util.Locale;

/** Parses {@code P30D}/{@code PT24H} (ISO-8601) and the shorthand {@code 30d}, {@code 24h}, {@code 15m}, {@code 10s}. */
public final class Durations {

    private Durations() {
    }

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
