package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.crmautopilot.cep.testing.Marks.*;
import static org.assertj.core.api.Assertions.assertThat;

class InactiveLeadTriggerTest extends LeadTriggerTestCase {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Override
    protected LeadTrigger trigger(TriggerCatalog catalog) {
        return new InactiveLeadTrigger(catalog);
    }

    @Test
    void firesAfterSevenSilentDaysWithTheLastTouchAsFacts() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(assigned(TENANT, "lead-1", REP, T0.plusSeconds(60)));
        send(repTouch(TENANT, "lead-1", "call.logged", T0.plus(Duration.ofDays(1))));
        harness.watermark(T0.plus(Duration.ofDays(7)));
        assertThat(harness.newCandidates()).isEmpty();

        harness.watermark(T0.plus(Duration.ofDays(8)));
        List<SuggestionCandidate> fired = harness.newCandidates();
        assertThat(fired).hasSize(1);
        SuggestionCandidate candidate = fired.get(0);
        Instant lastTouch = T0.plus(Duration.ofDays(1));
        assertThat(candidate.suggestionId()).isEqualTo(SuggestionIds.of(TENANT, TriggerType.INACTIVE_LEAD, "lead-1",
                lastTouch));
        assertThat(candidate.ownerUserId()).isEqualTo(REP);
        assertThat(candidate.entityName()).isEqualTo("Lead lead-1");
        assertThat(candidate.cleared()).isFalse();
        assertThat(candidate.firedAt()).isEqualTo(lastTouch.plus(Duration.ofDays(7)));
        assertThat(candidate.facts()).containsEntry("days_silent", "7")
                .containsEntry("last_touch_type", "call.logged")
                .containsEntry("last_touch_at", lastTouch.toString())
                .containsEntry("last_touch_by", REP);
    }

    @Test
    void activityResetsTheSilence() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(engagement(TENANT, "lead-1", "email.opened", T0.plus(Duration.ofDays(5))));
        harness.watermark(T0.plus(Duration.ofDays(11)));
        assertThat(harness.newCandidates()).isEmpty();
        assertThat(harness.eventTimeTimers()).isEqualTo(1);
        harness.watermark(T0.plus(Duration.ofDays(12)));
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::episodeStart)
                .containsExactly(T0.plus(Duration.ofDays(5)));
    }

    @Test
    void neverFiresForAConvertedLeadAndKeepsOnlyATombstone() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(closed(TENANT, "lead-1", "lead.converted", T0.plus(Duration.ofDays(2))));
        send(engagement(TENANT, "lead-1", "email.opened", T0.plus(Duration.ofDays(3))));
        harness.watermark(T0.plus(Duration.ofDays(30)));
        assertThat(harness.newCandidates()).isEmpty();
        assertThat(harness.keyedStateEntries()).isEqualTo(1);
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void aTouchAfterFiringWithdrawsTheSuggestion() throws Exception {
        send(created(TENANT, "lead-1", T0));
        harness.watermark(T0.plus(Duration.ofDays(7)));
        SuggestionCandidate fired = harness.newCandidates().get(0);
        send(repTouch(TENANT, "lead-1", "email.sent", T0.plus(Duration.ofDays(9))));
        List<SuggestionCandidate> cleared = harness.newCandidates();
        assertThat(cleared).hasSize(1);
        assertThat(cleared.get(0).cleared()).isTrue();
        assertThat(cleared.get(0).suggestionId()).isEqualTo(fired.suggestionId());
    }

    @Test
    void aTouchThatArrivesBeforeTheWatermarkPassedTheDeadlineStillSeesTheSilenceFirst() throws Exception {
        // No watermark between the two marks: the timer has not fired, but the silence ended in event time.
        send(created(TENANT, "lead-1", T0));
        send(repTouch(TENANT, "lead-1", "call.logged", T0.plus(Duration.ofDays(9))));
        List<SuggestionCandidate> out = harness.newCandidates();
        assertThat(out).extracting(SuggestionCandidate::cleared).containsExactly(false, true);
        assertThat(out.get(0).firedAt()).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(out.get(1).suggestionId()).isEqualTo(out.get(0).suggestionId());
        assertThat(harness.eventTimeTimers()).isEqualTo(1);
    }

    @Test
    void aScoreFromAheadOfTheEventsWaitsForTheEngagementThatEndsTheSilence() throws Exception {
        // After downtime the score topics are read days ahead of crm.events: the score of day 10 comes before the
        // engagement of day 5, which moves the deadline from day 7 to day 12.
        send(created(TENANT, "lead-1", T0));
        send(score(TENANT, "lead-1", 55, "warm", T0.plus(Duration.ofDays(10))));
        assertThat(harness.newCandidates()).isEmpty();
        send(engagement(TENANT, "lead-1", "email.opened", T0.plus(Duration.ofDays(5))));
        harness.watermark(T0.plus(Duration.ofDays(11)));
        assertThat(harness.newCandidates()).isEmpty();

        harness.watermark(T0.plus(Duration.ofDays(12)));
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.episodeStart()).isEqualTo(T0.plus(Duration.ofDays(5)));
            assertThat(c.leadScore()).isEqualTo(55.0);
        });
    }

    @Test
    void disqualifyingAfterFiringWithdrawsTheSuggestion() throws Exception {
        send(created(TENANT, "lead-1", T0));
        harness.watermark(T0.plus(Duration.ofDays(7)));
        assertThat(harness.newCandidates()).hasSize(1);
        send(closed(TENANT, "lead-1", "lead.disqualified", T0.plus(Duration.ofDays(8))));
        assertThat(harness.newCandidates()).singleElement().extracting(SuggestionCandidate::cleared).isEqualTo(true);
    }

    @Test
    void stateIsGoneOnceTheRetentionAfterFiringPasses() throws Exception {
        send(created(TENANT, "lead-1", T0));
        harness.watermark(T0.plus(Duration.ofDays(7)));
        assertThat(harness.newCandidates()).hasSize(1);
        assertThat(harness.keyedStateEntries()).isPositive();
        harness.watermark(T0.plus(Duration.ofDays(7 + 30)));
        assertThat(harness.keyedStateEntries()).isZero();
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void stateExpiresByTtlForALeadThatIsNeverResolved() throws Exception {
        harness.ttlClock(0);
        send(assigned(TENANT, "lead-1", REP, T0));
        send(created(TENANT, "lead-2", T0));
        long ttl = Duration.ofDays(90).toMillis();
        harness.ttlClock(ttl + 1);
        // Expired entries are dropped from full snapshots; a restored operator sees none of them.
        long before = harness.snapshotBytes(1);
        send(created(TENANT, "lead-3", T0.plusSeconds(1)));
        long after = harness.snapshotBytes(2);
        assertThat(after).isLessThan(before + 200);
        harness.watermark(T0.plus(Duration.ofDays(8)));
        // lead-1's timer never existed (no activity); lead-2's identity expired before its timer fired.
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::entityId).containsExactly("lead-3");
    }

    @Test
    void aTenantOverrideChangesTheSilenceForThatTenantOnly() throws Exception {
        harness.override(new TriggerOverride(TENANT, "inactive_lead", null, Map.of("silence", "3d")));
        send(created(TENANT, "lead-1", T0));
        send(created(OTHER_TENANT, "lead-1", T0));
        harness.watermark(T0.plus(Duration.ofDays(3)));
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::tenantId).containsExactly(TENANT);
        harness.watermark(T0.plus(Duration.ofDays(7)));
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::tenantId).containsExactly(OTHER_TENANT);
    }

    @Test
    void aTenantThatSwitchesTheTriggerOffGetsNothingWhileOthersDo() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(created(OTHER_TENANT, "lead-1", T0));
        harness.override(new TriggerOverride(TENANT, "inactive_lead", false, Map.of()));
        harness.watermark(T0.plus(Duration.ofDays(10)));
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::tenantId).containsExactly(OTHER_TENANT);
    }

    @Test
    void aRestoredOperatorKeepsTheLeadsOverridesAndTimers() throws Exception {
        harness.override(new TriggerOverride(TENANT, "inactive_lead", null, Map.of("silence", "3d")));
        send(created(TENANT, "lead-1", T0));
        send(assigned(TENANT, "lead-1", REP, T0));
        var checkpoint = harness.snapshot(1);
        harness.close();

        harness = restored(checkpoint);
        harness.watermark(T0.plus(Duration.ofDays(3)));
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.ownerUserId()).isEqualTo(REP);
            assertThat(c.facts()).containsEntry("days_silent", "3");
        });
    }

    @Test
    void anInvalidOverrideIsIgnored() throws Exception {
        harness.override(new TriggerOverride(TENANT, "inactive_lead", null, Map.of("silence", "soon")));
        send(created(TENANT, "lead-1", T0));
        harness.watermark(T0.plus(Duration.ofDays(7)));
        assertThat(harness.newCandidates()).hasSize(1);
    }

    /**
     * Checkpointed state as keys go silent: it grows with the leads, and shrinks back once their silence has fired
     * and the retention after it has passed.
     */
    @Test
    void checkpointedStateShrinksBackAsLeadsGoSilent() throws Exception {
        long empty = harness.snapshotBytes(1);
        int leads = 500;
        for (int i = 0; i < leads; i++) {
            send(created(TENANT, "lead-" + i, T0.plusSeconds(i)));
            send(assigned(TENANT, "lead-" + i, REP, T0.plusSeconds(i)));
            send(engagement(TENANT, "lead-" + i, "web.visit", T0.plusSeconds(i + 60)));
        }
        long busy = harness.snapshotBytes(2);
        harness.watermark(T0.plus(Duration.ofDays(8)));
        assertThat(harness.newCandidates()).hasSize(leads);
        long fired = harness.snapshotBytes(3);
        harness.watermark(T0.plus(Duration.ofDays(40)));
        long silent = harness.snapshotBytes(4);

        assertThat(busy).isGreaterThan(empty + leads * 50L);
        assertThat(fired).isGreaterThan(empty);
        assertThat(silent).isLessThan(empty + 1_000);
        assertThat(harness.keyedStateEntries()).isZero();
        assertThat(harness.eventTimeTimers()).isZero();
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "inactive_lead snapshot bytes: empty {0}, {1} leads busy {2}, fired {3}, silent {4}",
                empty, leads, busy, fired, silent);
    }
}
