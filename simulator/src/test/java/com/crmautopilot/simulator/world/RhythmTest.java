package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;

class RhythmTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void workingHoursSkipNightsAndWeekends() {
        // Friday 17:00 in New York plus 3 working hours: 1 h on Friday, 2 h on Monday from 8:00.
        Instant friday = ZonedDateTime.of(2026, 1, 9, 17, 0, 0, 0, NEW_YORK).toInstant();
        Instant later = Rhythm.plusWorkingHours(friday, NEW_YORK, 3);
        assertThat(later).isEqualTo(ZonedDateTime.of(2026, 1, 12, 10, 0, 0, 0, NEW_YORK).toInstant());
    }

    @Test
    void nextWorkingTimeLeavesOfficeHoursAloneAndMovesTheRestToTheNextMorning() {
        Rng rng = new Rng(5);
        Instant tuesdayNoon = ZonedDateTime.of(2026, 1, 6, 12, 0, 0, 0, NEW_YORK).toInstant();
        assertThat(Rhythm.nextWorkingTime(tuesdayNoon, NEW_YORK, rng)).isEqualTo(tuesdayNoon);
        Instant saturday = ZonedDateTime.of(2026, 1, 10, 12, 0, 0, 0, NEW_YORK).toInstant();
        ZonedDateTime moved = Rhythm.nextWorkingTime(saturday, NEW_YORK, rng).atZone(NEW_YORK);
        assertThat(moved.toLocalDate()).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(moved.getHour()).isBetween(8, 9);
    }

    @Test
    void sampledTimesFallInTheLocalDayEvenAcrossDaylightSavingChanges() {
        Rng rng = new Rng(9);
        LocalDate springForward = LocalDate.of(2026, 3, 8);
        for (int i = 0; i < 2000; i++) {
            Instant t = Rhythm.PROSPECT.sampleInDay(springForward, NEW_YORK, rng);
            assertThat(t.atZone(NEW_YORK).toLocalDate()).isEqualTo(springForward);
        }
    }

    @Test
    void officeHoursAreMostlyBetweenEightAndSix() {
        Rng rng = new Rng(11);
        int inHours = 0;
        for (int i = 0; i < 10_000; i++) {
            int hour = Rhythm.OFFICE.sampleInDay(LocalDate.of(2026, 1, 7), NEW_YORK, rng).atZone(NEW_YORK).getHour();
            if (hour >= 8 && hour < 18) {
                inHours++;
            }
        }
        assertThat(inHours).isGreaterThan(9_000);
        assertThat(Rhythm.plusBusinessDays(LocalDate.of(2026, 1, 9), 1)).isEqualTo(LocalDate.of(2026, 1, 12));
    }
}
