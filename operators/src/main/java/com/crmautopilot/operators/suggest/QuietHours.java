package com.crmautopilot.operators.suggest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * A daily window of local time, {@code [start, end)}, in which pushes are held; it may wrap midnight
 * ({@code 22:00} to {@code 07:00}). Computed with {@link ZonedDateTime}, so a DST change moves the window with the
 * wall clock: quiet hours ending at 07:00 end at 07:00 local on the day the clocks change too, and an end that
 * falls in a spring-forward gap moves to the first valid instant after it.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** Null when either side does not parse or they are equal (no window). */
    public static QuietHours parse(String start, String end) {
        LocalTime from = EffectivePreferences.timeOrNull(start);
        LocalTime to = EffectivePreferences.timeOrNull(end);
        return from == null || to == null || from.equals(to) ? null : new QuietHours(from, to);
    }

    /** When a push at {@code at} may go out: {@code at} itself outside the window, else the window's end. */
    public Instant releaseAt(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate day = local.toLocalDate();
        LocalDate endDay;
        if (start.isBefore(end)) {
            if (time.isBefore(start) || !time.isBefore(end)) {
                return at;
            }
            endDay = day;
        } else if (!time.isBefore(start)) {
            endDay = day.plusDays(1);
        } else if (time.isBefore(end)) {
            endDay = day;
        } else {
            return at;
        }
        Instant release = ZonedDateTime.of(endDay, end, zone).toInstant();
        return release.isAfter(at) ? release : at;
    }
}
