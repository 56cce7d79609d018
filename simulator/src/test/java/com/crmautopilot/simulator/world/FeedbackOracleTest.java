package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FeedbackOracleTest {

    private final World world = new Simulator(SimulatorConfig.builder().days(2).tenants(1).leadsPerTenant(10).build()).world();

    @Test
    void everyRepHasATasteForEveryTriggerType() {
        for (Rep rep : world.reps()) {
            assertThat(rep.acceptance().keySet()).containsExactlyElementsOf(
                    SuggestionTastes.TRIGGER_TYPES.stream().map(SuggestionTastes.TypeBase::triggerType).toList());
            assertThat(rep.acceptance().values()).allSatisfy(p -> assertThat(p).isStrictlyBetween(0.0, 1.0));
            assertThat(rep.zone().getId()).contains("/");
        }
    }

    @Test
    void answersAreStableAndAcceptAtTheHiddenRate() {
        FeedbackOracle oracle = world.feedbackOracle();
        Rep rep = world.reps().get(0);
        assertThat(oracle.respond(rep.tenantId(), rep.userId(), "hot_lead", "s-1"))
                .isEqualTo(oracle.respond(rep.tenantId(), rep.userId(), "hot_lead", "s-1"));
        int accepted = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            if (oracle.respond(rep.tenantId(), rep.userId(), "deal_at_risk", "s-" + i) == FeedbackOracle.Response.ACCEPTED) {
                accepted++;
            }
        }
        assertThat(accepted / (double) n).isCloseTo(rep.acceptanceProbability("deal_at_risk"), within(0.015));
    }
}
