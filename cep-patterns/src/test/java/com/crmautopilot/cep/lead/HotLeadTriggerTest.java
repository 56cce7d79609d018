package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.crmautopilot.cep.testing.Marks.*;
import static org.assertj.core.api.Assertions.assertThat;

class HotLeadTriggerTest extends LeadTriggerTestCase {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Override
    protected LeadTrigger trigger(TriggerCatalog catalog) {
        return new HotLeadTrigger(catalog);
    }

    @Test
    void threeEngagementsWithinADayFireOnce() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(assigned(TENANT, "lead-1", REP, T0));
        send(engagement(TENANT, "lead-1", "email.opened", T0.plus(Duration.ofHours(1))));
        send(engagement(TENANT, "lead-1", "email.clicked", T0.plus(Duration.ofHours(5))));
        assertThat(harness.newCandidates()).isEmpty();
        send(engagement(TENANT, "lead-1", "web.visit", T0.plus(Duration.ofHours(20))));
        List<SuggestionCandidate> fired = harness.newCandidates();
        assertThat(fired).singleElement().satisfies(c -> {
            assertThat(c.ownerUserId()).isEqualTo(REP);
            assertThat(c.episodeStart()).isEqualTo(T0.plus(Duration.ofHours(1)));
            assertThat(c.facts()).containsEntry("engagements", "3").containsEntry("reason", "engagement_burst");
        });
        // The burst goes on: still one suggestion.
        send(engagement(TENANT, "lead-1", "web.visit", T0.plus(Duration.ofHours(21))));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void engagementsSpreadOverDaysDoNotFire() throws Exception {
        send(created(TENANT, "lead-1", T0));
        for (int day = 0; day < 5; day++) {
            send(engagement(TENANT, "lead-1", "email.opened", T0.plus(Duration.ofHours(13L * day))));
        }
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void otherEngagementTypesDoNotCount() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(engagement(TENANT, "lead-1", "email.opened", T0.plusSeconds(10)));
        send(engagement(TENANT, "lead-1", "form.submitted", T0.plusSeconds(20)));
        send(engagement(TENANT, "lead-1", "content.downloaded", T0.plusSeconds(30)));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void enteringTheHotTierFires() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(tierChange(TENANT, "lead-1", "warm", "hot", 82, T0.plus(Duration.ofHours(3))));
        assertThat(harness.newCandidates()).singleElement().satisfies(c -> {
            assertThat(c.facts()).containsEntry("reason", "entered_hot_tier").containsEntry("score", "82");
            assertThat(c.leadScore()).isEqualTo(82.0);
        });
    }

    @Test
    void aClosedLeadDoesNotFireEvenForEventsThatStraggleIn() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(closed(TENANT, "lead-1", "lead.disqualified", T0.plusSeconds(1)));
        for (int i = 0; i < 3; i++) {
            send(engagement(TENANT, "lead-1", "email.opened", T0.plusSeconds(10 + i)));
        }
        send(tierChange(TENANT, "lead-1", "warm", "hot", 90, T0.plusSeconds(20)));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void burstStateIsClearedAWindowAfterTheLastEngagement() throws Exception {
        send(created(TENANT, "lead-1", T0));
        int identityEntries = harness.keyedStateEntries();
        send(engagement(TENANT, "lead-1", "email.opened", T0.plusSeconds(10)));
        assertThat(harness.keyedStateEntries()).isGreaterThan(identityEntries);
        harness.watermark(T0.plus(Duration.ofHours(25)));
        assertThat(harness.keyedStateEntries()).isEqualTo(identityEntries);
        assertThat(harness.eventTimeTimers()).isZero();
    }

    @Test
    void aTenantCanRequireMoreEngagements() throws Exception {
        harness.override(new TriggerOverride(TENANT, "hot_lead", null, Map.of("min_engagements", "4")));
        for (String tenant : List.of(TENANT, OTHER_TENANT)) {
            send(created(tenant, "lead-1", T0));
            for (int i = 0; i < 3; i++) {
                send(engagement(tenant, "lead-1", "email.opened", T0.plusSeconds(10 + i)));
            }
        }
        assertThat(harness.newCandidates()).extracting(SuggestionCandidate::tenantId).containsExactly(OTHER_TENANT);
    }
}
