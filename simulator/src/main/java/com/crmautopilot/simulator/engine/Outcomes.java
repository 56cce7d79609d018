package com.crmautopilot.simulator.engine;

import com.crmautopilot.simulator.world.DealPlan;
import com.crmautopilot.simulator.world.LeadPlan;
import com.crmautopilot.simulator.world.VariantPlan;

import java.time.Instant;
import java.util.List;

/** What the run did with the world's plans: which entities were emitted and how they ended. */
public record Outcomes(List<LeadOutcome> leads, List<DealOutcome> deals, List<VariantOutcome> variants) {

    public record LeadOutcome(LeadPlan plan, boolean created, Instant convertedAt, Instant disqualifiedAt) {
    }

    /** @param outcome {@code won}, {@code lost}, or null while open */
    public record DealOutcome(DealPlan plan, boolean created, String outcome, Instant closedAt) {
    }

    /** Expected rates are over this send's delivered recipients; counts are emitted events. */
    public record VariantOutcome(String tenantId, VariantPlan plan, Instant sentAt, int recipients, int delivered,
                                 double expectedOpenRate, double expectedClickRate, double expectedConversionRate,
                                 int opened, int clicked, int converted) {
    }
}
