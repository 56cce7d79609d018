package com.crmautopilot.simulator;

import java.util.ArrayList;
import java.util.List;

/** Small worlds for quick tests, and their records held in memory. */
final class SmallWorlds {

    private SmallWorlds() {
    }

    /** Two tenants, a month, a few hundred leads: every kind of event, in about a second. */
    static SimulatorConfig month() {
        return SimulatorConfig.builder()
                .days(30).tenants(2).leadsPerTenant(400).repsPerTenant(4).accountsPerTenant(60).campaignsPerTenant(3)
                .build();
    }

    /** The same month with noise turned up so that every defect recipe shows many times. */
    static SimulatorConfig noisyMonth() {
        return month().toBuilder().outOfOrderFraction(0.05).duplicateFraction(0.03).malformedFraction(0.02).build();
    }

    static List<SimulatedRecord> records(SimulatorConfig config) {
        List<SimulatedRecord> records = new ArrayList<>();
        new Simulator(config).start().forEachRemaining(records::add);
        return records;
    }
}
