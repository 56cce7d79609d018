package com.crmautopilot.operators.suggest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/** Quiet hours and digest times in local wall-clock time, across zones and DST changes. */
class LocalTimeRulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final QuietHours NIGHT = QuietHours.parse("22:00", "07:00");

    @Test
    void outsideQuietHoursAPushGoesAtOnce() {
        Instant noonInNewYork = Instant.parse("2026-03-03T17:00:00Z");

        assertThat(NIGHT.releaseAt(noonInNewYork, NEW_YORK)).isEqualTo(noonInNewYork);
    }

    @Test
    void beforeAndAfterMidnightBothWaitForTheMorning() {
        assertThat(NIGHT.releaseAt(Instant.parse("2026-03-03T04:00:00Z"), NEW_YORK)) // 23:00
                .isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(NIGHT.releaseAt(Instant.parse("2026-03-03T08:00:00Z"), NEW_YORK)) // 03:00
                .isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
    }

    @Test
    void aWindowInsideOneDayWorksToo() {
        QuietHours lunch = QuietHours.parse("12:00", "13:30");

        assertThat(lunch.releaseAt(Instant.parse("2026-06-01T10:15:00Z"), PARIS)) // 12:15 CEST
                .isEqualTo(Instant.parse("2026-06-01T11:30:00Z"));
        assertThat(lunch.releaseAt(Instant.parse("2026-06-01T12:00:00Z"), PARIS))
                .isEqualTo(Instant.parse("2026-06-01T12:00:00Z"));
    }

    @Test
    void quietHoursFollowTheWallClockWhenItFallsBack() {
        // New York returns to EST at 02:00 EDT on 2026-11-01: 07:00 local is 12:00 UTC, not 11:00.
        assertThat(NIGHT.releaseAt(Instant.parse("2026-11-01T03:00:00Z"), NEW_YORK)) // 23:00 EDT Oct 31
                .isEqualTo(Instant.parse("2026-11-01T12:00:00Z"));
    }

    @Test
    void aQuietEndInsideTheSpringForwardGapMovesToTheFirstValidInstant() {
        QuietHours untilHalfPastTwo = QuietHours.parse("22:00", "02:30"); // 02:30 does not exist on 2026-03-08

        assertThat(untilHalfPastTwo.releaseAt(Instant.parse("2026-03-08T05:00:00Z"), NEW_YORK)) // 00:00 EST
                .isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
    }

    @Test
    void equalOrUnreadableTimesMeanNoQuietHours() {
        assertThat(QuietHours.parse("22:00", "22:00")).isNull();
        assertThat(QuietHours.parse("late", "07:00")).isNull();
    }

    @Test
    void theDigestIsAtTheLocalHourOnBothSidesOfADstChange() {
        assertThat(DigestClock.next(Instant.parse("2026-03-28T10:00:00Z"), 8, PARIS))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
        assertThat(DigestClock.next(Instant.parse("2026-03-27T10:00:00Z"), 8, PARIS))
                .isEqualTo(Instant.parse("2026-03-28T07:00:00Z"));
    }

    @Test
    void theNextDigestIsStrictlyLaterThanNow() {
        Instant eightInParis = Instant.parse("2026-03-02T07:00:00Z");

        assertThat(DigestClock.next(eightInParis, 8, PARIS)).isEqualTo(Instant.parse("2026-03-03T07:00:00Z"));
        assertThat(DigestClock.next(eightInParis.minusMillis(1), 8, PARIS)).isEqualTo(eightInParis);
    }

    @Test
    void aDigestHourSkippedBySpringForwardMovesPastTheGap() {
        assertThat(DigestClock.next(Instant.parse("2026-03-08T00:00:00Z"), 2, NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z")); // 03:00 EDT
    }
}
