package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.SimulatorConfig;

import java.util.List;

/** The whole simulated world, drawn up front from the config; the events are its story told in time order. */
public record World(SimulatorConfig config, List<TenantWorld> tenants) {

    public World {
        tenants = List.copyOf(tenants);
    }

    public static World build(SimulatorConfig config) {
        return new WorldBuilder(config).build();
    }

    public List<Rep> reps() {
        return tenants.stream().flatMap(t -> t.reps().stream()).toList();
    }

    /** Answers suggestions the way the world's reps would, from their hidden tastes. */
    public FeedbackOracle feedbackOracle() {
        return new FeedbackOracle(config.seed(), reps());
    }
}
