package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.crmautopilot.operators.scoring.TestProfiles.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RescoreScheduleTest {

    private static final RescoreSchedule SCHEDULE = RescoreSchedule.defaults();
    private static final LeadProfile ACTIVE_AT_T0 = TestProfiles.lead("l").at(T0).lastActivityAt(T0).build();

    @Test
    void rescoresADayLaterWhenNothingExpiresSooner() {
        RescoreSchedule.Plan plan = SCHEDULE.next(ACTIVE_AT_T0, T0.toEpochMilli(), null);

        assertThat(plan.rescore()).isTrue();
        assertThat(plan.nextRescore()).isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void rescoresAtTheWindowExpiryWhenItComesFirst() {
        Instant expiry = T0.plus(Duration.ofHours(3));

        assertThat(SCHEDULE.next(ACTIVE_AT_T0, T0.toEpochMilli(), expiry).nextRescore()).isEqualTo(expiry);
        assertThat(SCHEDULE.next(ACTIVE_AT_T0, T0.toEpochMilli(), T0.plus(Duration.ofDays(3))).nextRescore())
                .isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(SCHEDULE.next(ACTIVE_AT_T0, T0.toEpochMilli(), T0).nextRescore())
                .as("an expiry that is not in the future is ignored").isEqualTo(T0.plus(Duration.ofDays(1)));
    }

    @Test
    void theLastDecayRescoreFallsExactlyOnTheHorizon() {
        long almostThere = T0.plus(Duration.ofDays(90)).minus(Duration.ofHours(5)).toEpochMilli();

        assertThat(SCHEDULE.next(ACTIVE_AT_T0, almostThere, null).nextRescore())
                .isEqualTo(T0.plus(Duration.ofDays(90)));
    }

    @Test
    void pastTheHorizonTheTimerIsTheCleanupAtTheEndOfTheRetention() {
        RescoreSchedule.Plan plan = SCHEDULE.next(ACTIVE_AT_T0, T0.plus(Duration.ofDays(90)).toEpochMilli(), null);

        assertThat(plan.rescore()).isFalse();
        assertThat(plan.nextRescore()).isNull();
        assertThat(plan.at()).isEqualTo(T0.plus(Duration.ofDays(365)).toEpochMilli());
    }

    @Test
    void aRetentionShorterThanTheDecayHorizonIsRefused() {
        assertThatThrownBy(() -> new RescoreSchedule(Duration.ofDays(1), Duration.ofDays(90), Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention");
    }
}
