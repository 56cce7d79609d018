package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.bench.BenchOptions;
import com.crmautopilot.models.json.Json;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The options every end-to-end benchmark command takes. Each command passes its benchmark's defaults in, because
 * the jobs differ in how much they can take; help shows the defaults of the command it is asked for.
 */
final class EndToEndBenchOptions {

    @Option(names = "--events", description = "Simulated records to push through (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--parallelism", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--partitions", description = "Partitions of the input topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--checkpoint-interval", description = "Exactly-once commit interval (default: ${DEFAULT-VALUE}).")
    Duration checkpointInterval;

    @Option(names = "--latency-rate", description = "Events/s during the latency phase (default: ${DEFAULT-VALUE}).")
    double latencyRate;

    @Option(names = "--latency-duration", description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
    Duration latencyDuration;

    @Option(names = "--seed", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Also write the figures as JSON to this file.")
    Path json;

    EndToEndBenchOptions(BenchOptions defaults) {
        events = defaults.events();
        parallelism = defaults.parallelism();
        partitions = defaults.partitions();
        checkpointInterval = defaults.checkpointInterval();
        latencyRate = defaults.latencyRate();
        latencyDuration = defaults.latencyDuration();
        seed = defaults.seed();
    }

    BenchOptions toBenchOptions() {
        return new BenchOptions(events, parallelism, partitions, checkpointInterval, latencyRate, latencyDuration,
                seed);
    }

    /** Writes the figures to the {@code --json} file, if one was given. */
    void writeJsonIfAsked(Map<String, Object> figures) throws IOException {
        if (json == null) {
            return;
        }
        Path parent = json.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        System.out.println("\nwrote " + json);
    }
}
