package com.crmautopilot.operators.suggest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When a user's daily digest goes out: at their digest hour, in their zone, wall-clock correct across DST (a
 * digest at 08:00 is at 08:00 local on both sides of a change; an hour that a spring-forward skips moves to the
 * first instant after the gap).
 */
public final class DigestClock {

    private DigestClock() {
    }

    /** The first digest instant strictly after {@code after}. */
    public static Instant next(Instant after, int hour, ZoneId zone) {
        LocalDate day = after.atZone(zone).toLocalDate();
        Instant candidate = at(day, hour, zone);
        while (!candidate.isAfter(after)) {
            day = day.plusDays(1);
            candidate = at(day, hour, zone);
        }
        return candidate;
    }

    /** The local date a digest instant belongs to: the digest's identity within the user's days. */
    public static LocalDate localDate(Instant digestAt, ZoneId zone) {
        return digestAt.atZone(zone).toLocalDate();
    }

    private static Instant at(LocalDate day, int hour, ZoneId zone) {
        return ZonedDateTime.of(day, LocalTime.of(hour, 0), zone).toInstant();
    }
}
