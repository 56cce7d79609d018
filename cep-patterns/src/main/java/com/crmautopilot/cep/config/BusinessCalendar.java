package com.crmautopilot.cep.config;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Business-hours arithmetic in one zone: working days (Mon–Fri by default) from a start to an end time of day
 * (09:00–17:00 by default). {@link #plusBusinessTime} counts only the time inside those hours, so 24 business
 * hours from a Friday 16:00 request on a 09:00–17:00 day ends the next Wednesday at 16:00 (1 h on Friday, 8 h on
 * Monday and Tuesday, 7 h on Wednesday), and a request made on a Saturday starts counting on Monday at 09:00.
 *
 * <p>Days are walked in local time and each day's start and end are mapped back through the zone, so a
 * daylight-saving change (which happens at night in every zone that has one) never stretches or shrinks the
 * counted hours. One business day is the length of the working day (8 h by default).
 */
public final class BusinessCalendar implements Serializable {

    private static final long serialVersionUID = 1L;
    /** More than ten years of working days: a bound that no valid calendar reaches. */
    private static final int MAX_DAYS = 4000;

    private final ZoneId zone;
    private final LocalTime dayStart;
    private final LocalTime dayEnd;
    private final EnumSet<DayOfWeek> days;

    public BusinessCalendar(ZoneId zone, LocalTime dayStart, LocalTime dayEnd, Set<DayOfWeek> days) {
        if (!dayEnd.isAfter(dayStart)) {
            throw new IllegalArgumentException("business_day_end " + dayEnd + " must be after business_day_start "
                    + dayStart);
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("business_days must name at least one day");
        }
        this.zone = zone;
        this.dayStart = dayStart;
        this.dayEnd = dayEnd;
        this.days = EnumSet.copyOf(days);
    }

    /** From a trigger's {@code business_zone}, {@code business_day_start}, {@code business_day_end}, {@code business_days}. */
    public static BusinessCalendar of(TriggerSettings settings) {
        return new BusinessCalendar(ZoneId.of(settings.text(TriggerParams.BUSINESS_ZONE)),
                LocalTime.parse(settings.text(TriggerParams.BUSINESS_DAY_START)),
                LocalTime.parse(settings.text(TriggerParams.BUSINESS_DAY_END)),
                parseDays(settings.text(TriggerParams.BUSINESS_DAYS)));
    }

    static EnumSet<DayOfWeek> parseDays(String text) {
        EnumSet<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        for (String item : text.split(",")) {
            if (!item.isBlank()) {
                result.add(ParamKind.day(item));
            }
        }
        return result;
    }

    /** The length of one working day. */
    public Duration businessDay() {
        return Duration.between(dayStart, dayEnd);
    }

    /** The instant at which {@code amount} of business time has passed since {@code from}. */
    public Instant plusBusinessTime(Instant from, Duration amount) {
        long remaining = amount.toMillis();
        ZonedDateTime cursor = from.atZone(zone);
        LocalDate date = cursor.toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, date = date.plusDays(1)) {
            if (!days.contains(date.getDayOfWeek())) {
                continue;
            }
            Instant open = ZonedDateTime.of(date, dayStart, zone).toInstant();
            Instant close = ZonedDateTime.of(date, dayEnd, zone).toInstant();
            Instant start = from.isAfter(open) ? from : open;
            if (!start.isBefore(close)) {
                continue;
            }
            long available = close.toEpochMilli() - start.toEpochMilli();
            if (remaining <= available) {
                return start.plusMillis(remaining);
            }
            remaining -= available;
        }
        throw new IllegalStateException("business time " + amount + " from " + from + " exceeds " + MAX_DAYS + " days");
    }

    public ZoneId zone() {
        return zone;
    }
}
