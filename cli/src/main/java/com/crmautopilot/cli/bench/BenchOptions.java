package com.crmautopilot.cli.bench;

import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;

import java.time.Duration;
import java.util.List;

/**
 * What both end-to-end benchmarks are told: how many simulated records, how wide the jobs and the topics, how often
 * output commits, and the latency phase's pace.
 *
 * @param latencyRate     events per second produced during the latency phase (well below capacity, so the figure is
 *                        latency, not queueing)
 * @param latencyDuration how long the latency phase produces
 */
public record BenchOptions(long events, int parallelism, int partitions, Duration checkpointInterval,
                           double latencyRate, Duration latencyDuration, long seed) {

    /** The benchmarks differ only in how much work they can take, hence in these two. */
    public static BenchOptions defaults(long events, double latencyRate) {
        return new BenchOptions(events, 1, 2, Duration.ofSeconds(1), latencyRate, Duration.ofSeconds(20), 42);
    }

    public BenchOptions withEvents(long value) {
        return new BenchOptions(value, parallelism, partitions, checkpointInterval, latencyRate, latencyDuration, seed);
    }

    public BenchOptions withLatency(double rate, Duration duration) {
        return new BenchOptions(events, parallelism, partitions, checkpointInterval, rate, duration, seed);
    }

    /** The same seed gives the same records, so runs with the same options compare. */
    public List<SimulatedRecord> simulatedRecords() {
        return new Simulator(SimulatorConfig.builder().seed(seed).maxRecords(events).build()).records().toList();
    }
}
