package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static com.crmautopilot.cep.testing.Marks.*;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

class DemoRequestUnansweredTriggerTest extends LeadTriggerTestCase {

    /** A Friday, 16:00 UTC: 24 business hours on a 09:00-17:00 week end the next Wednesday at 16:00. */
    private static final Instant FRIDAY_4PM = Instant.parse("2026-03-06T16:00:00Z");
    private static final Instant WEDNESDAY_4PM = Instant.parse("2026-03-11T16:00:00Z");

    @Override
    protected LeadTrigger trigger(TriggerCatalog catalog) {
        return new DemoRequestUnansweredTrigger(catalog);
    }

    @Test
    void firesAfterTwentyFourBusinessHoursWithoutACallOrMeeting() throws Exception {
        send(created(TENANT, "lead-1", FRIDAY_4PM.minusSeconds(3600)));
        send(assigned(TENANT, "lead-1", REP, FRIDAY_4PM.minusSeconds(3600)));
        send(engagement(TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        // An email is not an answer to a demo request.
        send(repTouch(TENANT, "lead-1", "email.sent", FRIDAY_4PM.plus(Duration.ofHours(20))));
        harness.watermark(WEDNESDAY_4PM.minusSeconds(1));
        assertThat(harness.newCandidates()).isEmpty();
        harness.watermark(WEDNESDAY_4PM);
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.firedAt()).isEqualTo(WEDNESDAY_4PM);
            assertThat(c.episodeStart()).isEqualTo(FRIDAY_4PM);
            assertThat(c.ownerUserId()).isEqualTo(REP);
            assertThat(c.facts()).containsEntry("due_at", WEDNESDAY_4PM.toString())
                    .containsEntry("business_hours_allowed", "24").containsEntry("business_zone", "UTC");
        });
    }

    @Test
    void aCallInTimeAnswersIt() throws Exception {
        send(engagement(TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        send(repTouch(TENANT, "lead-1", "call.logged", FRIDAY_4PM.plus(Duration.ofDays(3))));
        harness.watermark(WEDNESDAY_4PM.plus(Duration.ofDays(30)));
        assertThat(harness.newCandidates()).isEmpty();
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void aMeetingAfterTheDeadlineWithdrawsTheSuggestion() throws Exception {
        send(engagement(TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        harness.watermark(WEDNESDAY_4PM);
        SuggestionCandidate fired = harness.newCandidates().get(0);
        send(repTouch(TENANT, "lead-1", "meeting.logged", WEDNESDAY_4PM.plus(Duration.ofHours(1))));
        assertThat(harness.newCandidates()).singleElement().satisfies(withdrawalOf(fired));
    }

    @Test
    void aLateMeetingSeenBeforeTheWatermarkGivesTheSameOutputAsAfterIt() throws Exception {
        send(engagement(TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        send(repTouch(TENANT, "lead-1", "meeting.logged", WEDNESDAY_4PM.plus(Duration.ofHours(1))));
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::cleared).containsExactly(false, true);
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void aConvertedLeadDoesNotFire() throws Exception {
        send(engagement(TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        send(closed(TENANT, "lead-1", "lead.converted", FRIDAY_4PM.plus(Duration.ofHours(1))));
        harness.watermark(WEDNESDAY_4PM.plus(Duration.ofDays(1)));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void stateIsGoneAfterTheRetentionAfterFiring() throws Exception {
        send(engagement(TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        harness.watermark(WEDNESDAY_4PM);
        assertThat(harness.newCandidates()).hasSize(1);
        harness.watermark(WEDNESDAY_4PM.plus(Duration.ofDays(14)));
        assertThat(harness.keyedStateEntries()).isZero();
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void theTenantsBusinessZoneMovesTheDeadline() throws Exception {
        // 16:00 UTC on a Friday is 11:00 in New York (EST): 6 hours that Friday, 8 on Monday and Tuesday, 2 on
        // Wednesday, so the deadline is Wednesday 11:00 EDT (15:00 UTC); the clocks sprang forward on Sunday.
        harness.override(new TriggerOverride(TENANT, "demo_request_unanswered", null,
                Map.of("business_zone", "America/New_York")));
        send(engagement(TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        send(engagement(OTHER_TENANT, "lead-1", "demo.requested", FRIDAY_4PM));
        harness.watermark(Instant.parse("2026-03-11T15:00:00Z"));
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::tenantId).containsExactly(TENANT);
        harness.watermark(WEDNESDAY_4PM);
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::tenantId).containsExactly(OTHER_TENANT);
    }
}
