package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.config.TriggerCatalog;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static com.crmautopilot.cep.testing.Marks.*;
import static org.assertj.core.api.Assertions.assertThat;

class ScoreJumpTriggerTest extends LeadTriggerTestCase {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Override
    protected LeadTrigger trigger(TriggerCatalog catalog) {
        return new ScoreJumpTrigger(catalog);
    }

    @Test
    void aRiseOfTwentyPointsWithinADayFiresOnceFromTheLowPoint() throws Exception {
        send(assigned(TENANT, "lead-1", REP, T0));
        send(score(TENANT, "lead-1", 45, "warm", T0));
        send(score(TENANT, "lead-1", 38, "cold", T0.plus(Duration.ofHours(2))));
        send(score(TENANT, "lead-1", 50, "warm", T0.plus(Duration.ofHours(6))));
        assertThat(harness.newCandidates()).isEmpty();
        send(score(TENANT, "lead-1", 61, "warm", T0.plus(Duration.ofHours(20))));
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.episodeStart()).isEqualTo(T0.plus(Duration.ofHours(2)));
            assertThat(c.facts()).containsEntry("points", "23").containsEntry("from_score", "38")
                    .containsEntry("to_score", "61");
            assertThat(c.ownerUserId()).isEqualTo(REP);
            assertThat(c.leadScore()).isEqualTo(61.0);
        });
        send(score(TENANT, "lead-1", 70, "hot", T0.plus(Duration.ofHours(21))));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void anEventFromAheadOfTheScoresDoesNotClearTheWindowBeforeTheScoresArrive() throws Exception {
        // crm.events read two days ahead of the score topics: the reassignment of day 2 comes before the score of
        // hour 20, which still rises from the low point of hour 0.
        send(score(TENANT, "lead-1", 40, "warm", T0));
        send(assigned(TENANT, "lead-1", REP, T0.plus(Duration.ofDays(2))));
        send(score(TENANT, "lead-1", 65, "hot", T0.plus(Duration.ofHours(20))));
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.episodeStart()).isEqualTo(T0);
            assertThat(c.facts()).containsEntry("points", "25");
        });
    }

    @Test
    void aSlowRiseOverDaysDoesNotFire() throws Exception {
        for (int day = 0; day < 6; day++) {
            send(score(TENANT, "lead-1", 30 + 8 * day, "warm", T0.plus(Duration.ofHours(25L * day))));
        }
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void aFallDoesNotFire() throws Exception {
        send(score(TENANT, "lead-1", 90, "hot", T0));
        send(score(TENANT, "lead-1", 40, "warm", T0.plusSeconds(60)));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void theWindowIsClearedADayAfterTheLastScore() throws Exception {
        send(score(TENANT, "lead-1", 40, "warm", T0));
        send(score(TENANT, "lead-1", 50, "warm", T0.plusSeconds(60)));
        int withWindow = harness.keyedStateEntries();
        harness.watermark(T0.plus(Duration.ofHours(25)));
        assertThat(harness.keyedStateEntries()).isLessThan(withWindow);
        assertThat(harness.eventTimeTimers()).isZero();
        send(score(TENANT, "lead-1", 65, "warm", T0.plus(Duration.ofHours(26))));
        assertThat(harness.newCandidates()).isEmpty();
    }
}
