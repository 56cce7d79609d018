package com.crmautopilot.simulator;

import com.crmautopilot.simulator.world.World;

import java.util.stream.Stream;

/**
 * The entry point: a deterministic synthetic CRM world and its {@code crm.events} stream. The same config (and
 * seed) gives the same records, byte for byte, on every run.
 *
 * <pre>{@code
 * Simulator simulator = new Simulator(SimulatorConfig.builder().days(30).leadsPerTenant(500).build());
 * SimulationRun run = simulator.start();
 * run.forEachRemaining(record -> producer.send(record));
 * GroundTruth truth = run.truth();
 * }</pre>
 */
public final class Simulator {

    private final SimulatorConfig config;
    private World world;

    public Simulator(SimulatorConfig config) {
        this.config = config;
    }

    public SimulatorConfig config() {
        return config;
    }

    /** The world, drawn on first use (a few hundred milliseconds for the standard world). */
    public synchronized World world() {
        if (world == null) {
            world = World.build(config);
        }
        return world;
    }

    /** A new pass over the world; every pass emits the same records. */
    public SimulationRun start() {
        return start(ProgressListener.NONE);
    }

    public SimulationRun start(ProgressListener progress) {
        return new SimulationRun(config, world(), progress);
    }

    /** The records of a new pass, as a sequential stream. */
    public Stream<SimulatedRecord> records() {
        return start().stream();
    }
}
