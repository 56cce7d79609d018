package com.crmautopilot.cep.config;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BusinessCalendarTest {

    private static final EnumSet<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    private static BusinessCalendar nineToFive(String zone) {
        return new BusinessCalendar(ZoneId.of(zone), LocalTime.of(9, 0), LocalTime.of(17, 0), WEEKDAYS);
    }

    @Test
    void countsOnlyWorkingHoursAcrossTheWeekend() {
        assertThat(nineToFive("UTC").plusBusinessTime(Instant.parse("2026-03-06T16:00:00Z"), Duration.ofHours(24)))
                .isEqualTo(Instant.parse("2026-03-11T16:00:00Z"));
    }

    @Test
    void aRequestOutsideHoursStartsCountingAtTheNextOpening() {
        BusinessCalendar utc = nineToFive("UTC");
        assertThat(utc.plusBusinessTime(Instant.parse("2026-03-07T12:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-03-09T10:00:00Z"));
        assertThat(utc.plusBusinessTime(Instant.parse("2026-03-03T20:00:00Z"), Duration.ofHours(8)))
                .isEqualTo(Instant.parse("2026-03-04T17:00:00Z"));
    }

    @Test
    void daylightSavingChangesDoNotStretchTheWorkingDay() {
        // Berlin moves to summer time on Sunday 2026-03-29: Friday 09:00 is 08:00 UTC, Monday 09:00 is 07:00 UTC.
        BusinessCalendar berlin = nineToFive("Europe/Berlin");
        assertThat(berlin.plusBusinessTime(Instant.parse("2026-03-27T15:00:00Z"), Duration.ofHours(2)))
                .isEqualTo(Instant.parse("2026-03-30T08:00:00Z"));
    }

    @Test
    void oneBusinessDayIsTheWorkingDayLength() {
        assertThat(nineToFive("UTC").businessDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void rejectsAnEndBeforeTheStart() {
        assertThatThrownBy(() -> new BusinessCalendar(ZoneId.of("UTC"), LocalTime.of(17, 0), LocalTime.of(9, 0),
                WEEKDAYS)).isInstanceOf(IllegalArgumentException.class);
    }
}
