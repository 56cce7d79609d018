package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The daily and weekly rhythm of people: when in their own time zone they act. Reps keep office hours; prospects
 * also browse in the evening. Weekends are quiet for both.
 */
public enum Rhythm {
    /** Reps: 8:00-18:00 on weekdays, a little before and after; weekends almost silent. */
    OFFICE(new double[]{
            0, 0, 0, 0, 0, 0, 0, 0.3, 1, 1, 1, 1, 0.6, 1, 1, 1, 1, 0.6, 0.2, 0.1, 0.1, 0.05, 0.05, 0}, 0.08),
    /** Prospects: office hours plus evenings; weekends at a third. */
    PROSPECT(new double[]{
            0.02, 0.02, 0.02, 0.02, 0.02, 0.02, 0.1, 0.4, 1, 1, 1, 1, 0.7, 1, 1, 1, 1, 0.7, 0.5, 0.5, 0.5, 0.5, 0.2, 0.05},
            Engagement.WEEKEND_FACTOR);

    public static final LocalTime WORKDAY_START = LocalTime.of(8, 0);
    public static final LocalTime WORKDAY_END = LocalTime.of(18, 0);
    private static final long HOUR_MILLIS = 3_600_000L;

    private final double[] hourWeights;
    private final double weekendFactor;

    Rhythm(double[] hourWeights, double weekendFactor) {
        this.hourWeights = hourWeights;
        this.weekendFactor = weekendFactor;
    }

    public static boolean isWeekend(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** The activity of a whole day relative to a weekday. */
    public double dayFactor(LocalDate day) {
        return isWeekend(day) ? weekendFactor : 1.0;
    }

    /** A moment in the local day, drawn by the hourly profile. */
    public Instant sampleInDay(LocalDate day, ZoneId zone, Rng rng) {
        int hour = rng.weightedIndex(hourWeights);
        long millisInHour = rng.nextLong(HOUR_MILLIS);
        LocalDateTime local = day.atTime(hour, 0).plusNanos(millisInHour * 1_000_000L);
        // A time in a DST gap moves forward by the gap, which is what a clock on the wall does too.
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** The start of the local day that contains this instant. */
    public static Instant startOfLocalDay(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    public static LocalDate localDate(Instant t, ZoneId zone) {
        return t.atZone(zone).toLocalDate();
    }

    /** This instant if it falls in working hours, else a moment in the first two hours of the next working day. */
    public static Instant nextWorkingTime(Instant t, ZoneId zone, Rng rng) {
        ZonedDateTime local = t.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!isWeekend(local.toLocalDate()) && !time.isBefore(WORKDAY_START) && time.isBefore(WORKDAY_END)) {
            return t;
        }
        LocalDate day = time.isBefore(WORKDAY_START) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        while (isWeekend(day)) {
            day = day.plusDays(1);
        }
        Instant opening = ZonedDateTime.of(day, WORKDAY_START, zone).toInstant();
        return opening.plusMillis(rng.nextLong(2 * HOUR_MILLIS));
    }

    /** Walks forward a number of working hours (weekdays, 8:00-18:00 local), as a rep's to-do list does. */
    public static Instant plusWorkingHours(Instant from, ZoneId zone, double hours) {
        long remaining = (long) (hours * HOUR_MILLIS);
        ZonedDateTime cursor = from.atZone(zone);
        for (int guard = 0; guard < 10_000; guard++) {
            LocalDate day = cursor.toLocalDate();
            ZonedDateTime open = ZonedDateTime.of(day, WORKDAY_START, zone);
            ZonedDateTime close = ZonedDateTime.of(day, WORKDAY_END, zone);
            if (isWeekend(day) || !cursor.isBefore(close)) {
                cursor = ZonedDateTime.of(day.plusDays(1), WORKDAY_START, zone);
                continue;
            }
            if (cursor.isBefore(open)) {
                cursor = open;
            }
            long available = close.toInstant().toEpochMilli() - cursor.toInstant().toEpochMilli();
            if (remaining <= available) {
                return cursor.toInstant().plusMillis(remaining);
            }
            remaining -= available;
            cursor = ZonedDateTime.of(day.plusDays(1), WORKDAY_START, zone);
        }
        throw new IllegalStateException("working hours never end");
    }

    /** The local day after adding business days (weekends skipped). */
    public static LocalDate plusBusinessDays(LocalDate day, int businessDays) {
        LocalDate d = day;
        int added = 0;
        while (added < businessDays) {
            d = d.plusDays(1);
            if (!isWeekend(d)) {
                added++;
            }
        }
        return d;
    }
}
