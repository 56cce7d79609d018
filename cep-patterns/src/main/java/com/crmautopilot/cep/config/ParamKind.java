package com.crmautopilot.cep.config;

import com.crmautopilot.models.config.DurationText;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * What a trigger parameter's text must parse as. Checks return a problem description, or null when the value is
 * fine, so the catalog can name the trigger and parameter in one message.
 */
public enum ParamKind {
    /** A positive duration ({@code 30d}, {@code PT24H}). */
    DURATION {
        @Override
        String problem(String value) {
            try {
                Duration d = DurationText.parse(value);
                return d.isNegative() || d.isZero() ? "must be a positive duration" : null;
            } catch (RuntimeException e) {
                return "is not a duration (30d, 24h, 15m, 10s or ISO-8601)";
            }
        }
    },
    /** An integer of 1 or more. */
    POSITIVE_INTEGER {
        @Override
        String problem(String value) {
            try {
                return Integer.parseInt(value) >= 1 ? null : "must be 1 or more";
            } catch (NumberFormatException e) {
                return "is not an integer";
            }
        }
    },
    /** Any integer. */
    INTEGER {
        @Override
        String problem(String value) {
            try {
                Integer.parseInt(value);
                return null;
            } catch (NumberFormatException e) {
                return "is not an integer";
            }
        }
    },
    /** A finite number. */
    DECIMAL {
        @Override
        String problem(String value) {
            try {
                return Double.isFinite(Double.parseDouble(value)) ? null : "must be finite";
            } catch (NumberFormatException e) {
                return "is not a number";
            }
        }
    },
    /** A number from 0 to 1. */
    FRACTION {
        @Override
        String problem(String value) {
            String notNumber = DECIMAL.problem(value);
            if (notNumber != null) {
                return notNumber;
            }
            double d = Double.parseDouble(value);
            return d >= 0 && d <= 1 ? null : "must be between 0 and 1";
        }
    },
    BOOLEAN {
        @Override
        String problem(String value) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false") ? null : "must be true or false";
        }
    },
    /** An IANA time zone id. */
    ZONE {
        @Override
        String problem(String value) {
            try {
                ZoneId.of(value);
                return null;
            } catch (DateTimeException e) {
                return "is not a time zone id";
            }
        }
    },
    /** {@code HH:mm}. */
    TIME_OF_DAY {
        @Override
        String problem(String value) {
            try {
                LocalTime.parse(value);
                return null;
            } catch (DateTimeException e) {
                return "is not a time of day (HH:mm)";
            }
        }
    },
    /** A comma-separated list of {@code MON}..{@code SUN}, at least one. */
    DAYS_OF_WEEK {
        @Override
        String problem(String value) {
            try {
                return BusinessCalendar.parseDays(value).isEmpty() ? "must name at least one day" : null;
            } catch (IllegalArgumentException e) {
                return "is not a list of days (MON,TUE,...)";
            }
        }
    },
    /** A comma-separated list of non-blank words. */
    LIST {
        @Override
        String problem(String value) {
            for (String item : value.split(",")) {
                if (item.isBlank()) {
                    return "has an empty item";
                }
            }
            return null;
        }
    },
    /** Any non-blank text. */
    TEXT {
        @Override
        String problem(String value) {
            return value.isBlank() ? "must not be blank" : null;
        }
    };

    abstract String problem(String value);

    /** The kind a parameter without a declared kind takes from its default value's shape. */
    static ParamKind inferFrom(String value) {
        for (ParamKind kind : new ParamKind[] {BOOLEAN, INTEGER, DECIMAL, DURATION}) {
            if (kind.problem(value) == null) {
                return kind;
            }
        }
        return TEXT;
    }

    static DayOfWeek day(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().startsWith(t) && t.length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a day: " + text);
    }
}
