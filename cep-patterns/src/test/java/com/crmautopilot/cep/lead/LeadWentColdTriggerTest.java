package com.crmautopilot.cep.lead;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.crmautopilot.cep.testing.Marks.*;
import static com.crmautopilot.cep.testing.Withdrawals.withdrawalOf;
import static org.assertj.core.api.Assertions.assertThat;

class LeadWentColdTriggerTest extends LeadTriggerTestCase {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Override
    protected LeadTrigger trigger(TriggerCatalog catalog) {
        return new LeadWentColdTrigger(catalog);
    }

    @Test
    void hotToWarmFiresAndClimbingBackWithdrawsIt() throws Exception {
        send(created(TENANT, "lead-1", T0));
        send(assigned(TENANT, "lead-1", REP, T0));
        send(tierChange(TENANT, "lead-1", "hot", "warm", 55, T0.plus(Duration.ofDays(3))));
        List<SuggestionCandidate> fired = harness.newCandidates();
        assertThat(fired).singleElement().satisfies(c -> {
            assertThat(c.facts()).containsEntry("from_tier", "hot").containsEntry("to_tier", "warm");
            assertThat(c.ownerUserId()).isEqualTo(REP);
            assertThat(c.entityName()).isEqualTo("Lead lead-1");
        });
        send(tierChange(TENANT, "lead-1", "warm", "hot", 81, T0.plus(Duration.ofDays(4))));
        assertThat(harness.newCandidates()).singleElement().satisfies(withdrawalOf(fired.get(0)));
    }

    @Test
    void warmToColdAndColdToWarmDoNotFire() throws Exception {
        send(tierChange(TENANT, "lead-1", "warm", "cold", 20, T0));
        send(tierChange(TENANT, "lead-1", "cold", "warm", 40, T0.plusSeconds(60)));
        assertThat(harness.newCandidates()).isEmpty();
    }

    @Test
    void aConvertedLeadDoesNotFire() throws Exception {
        send(closed(TENANT, "lead-1", "lead.converted", T0));
        send(tierChange(TENANT, "lead-1", "hot", "cold", 20, T0.plusSeconds(60)));
        assertThat(harness.newCandidates()).isEmpty();
    }
}
