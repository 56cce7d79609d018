package com.crmautopilot.cli.commands;

import com.crmautopilot.simulator.SimulatorConfig;
import picocli.CommandLine.Option;

/** The simulated world's shape, shared by the commands that simulate. */
public final class SimulatorOptions {

    @Option(names = "--days", description = "Days of event time to simulate (default: ${DEFAULT-VALUE}).")
    int days = 180;

    @Option(names = "--tenants", description = "Number of tenants (default: ${DEFAULT-VALUE}).")
    int tenants = 3;

    @Option(names = "--leads-per-tenant", description = "Leads per tenant (default: ${DEFAULT-VALUE}).")
    int leadsPerTenant = 5000;

    @Option(names = "--seed", description = "World seed; the same seed gives the same bytes (default: ${DEFAULT-VALUE}).")
    long seed = 42;

    @Option(names = "--out-of-order", description = "Fraction of records delivered late (default: ${DEFAULT-VALUE}).")
    double outOfOrder = 0.01;

    @Option(names = "--duplicates", description = "Fraction of records delivered twice (default: ${DEFAULT-VALUE}).")
    double duplicates = 0.005;

    @Option(names = "--malformed", description = "Fraction of extra malformed records (default: ${DEFAULT-VALUE}).")
    double malformed = 0.002;

    SimulatorOptions withDefaults(int days, int tenants, int leadsPerTenant) {
        this.days = days;
        this.tenants = tenants;
        this.leadsPerTenant = leadsPerTenant;
        return this;
    }

    public SimulatorConfig.Builder toBuilder() {
        return SimulatorConfig.builder()
                .days(days)
                .tenants(tenants)
                .leadsPerTenant(leadsPerTenant)
                .seed(seed)
                .outOfOrderFraction(outOfOrder)
                .duplicateFraction(duplicates)
                .malformedFraction(malformed);
    }
}
