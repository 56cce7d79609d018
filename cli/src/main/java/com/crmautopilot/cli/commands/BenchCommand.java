package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.bench.IngestBenchmark;
import com.crmautopilot.models.json.Json;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Benchmarks of whole pipelines through the embedded broker. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure pipelines end to end through the embedded broker.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Score.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "ingest", mixinStandardHelpOptions = true,
            description = "The ingestion job against a bare Kafka -> parse -> keyBy -> RocksDB ValueState -> Kafka baseline.")
    public static final class Ingest implements Callable<Integer> {

        @Option(names = "--events", description = "Simulated records to push through (default: ${DEFAULT-VALUE}).")
        long events = 1_000_000;

        @Option(names = "--parallelism", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
        int parallelism = 1;

        @Option(names = "--partitions", description = "Partitions of the input topic (default: ${DEFAULT-VALUE}).")
        int partitions = 2;

        @Option(names = "--checkpoint-interval", description = "Exactly-once commit interval (default: ${DEFAULT-VALUE}).")
        Duration checkpointInterval = Duration.ofSeconds(1);

        @Option(names = "--latency-rate", description = "Events/s during the latency phase (default: ${DEFAULT-VALUE}).")
        double latencyRate = 2000;

        @Option(names = "--latency-duration", description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
        Duration latencyDuration = Duration.ofSeconds(20);

        @Option(names = "--seed", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
        long seed = 42;

        @Option(names = "--json", description = "Also write the figures as JSON to this file.")
        Path json;

        @Override
        public Integer call() throws Exception {
            var result = new IngestBenchmark(new IngestBenchmark.Options(events, parallelism, partitions,
                    checkpointInterval, latencyRate, latencyDuration, seed), System.out).run();
            System.out.println();
            System.out.printf(Locale.ROOT, "| %-28s | %14s |%n", "figure", "value");
            System.out.printf(Locale.ROOT, "|%s|%s|%n", "-".repeat(30), "-".repeat(16));
            row("events", String.format(Locale.ROOT, "%,d", result.events()));
            row("ingestion events/s", String.format(Locale.ROOT, "%,.0f", result.eventsPerSecond()));
            row("baseline events/s", String.format(Locale.ROOT, "%,.0f", result.baselineEventsPerSecond()));
            row("ratio (ingestion/baseline)", String.format(Locale.ROOT, "%.3f", result.ratio()));
            row("p50 end-to-end latency", String.format(Locale.ROOT, "%.0f ms", result.p50Millis()));
            row("p99 end-to-end latency", String.format(Locale.ROOT, "%.0f ms", result.p99Millis()));
            row("peak heap (whole process)", String.format(Locale.ROOT, "%,.0f MB", result.peakHeapMegabytes()));
            if (json != null) {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(result.toJson()));
                System.out.println("\nwrote " + json);
            }
            return 0;
        }

        private static void row(String name, String value) {
            System.out.printf(Locale.ROOT, "| %-28s | %14s |%n", name, value);
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = {"The lead-intelligence job with inline scoring (explanations, decay timers, score and tier-change"
                    + " sinks) against the same bare baseline, end-to-end latency from an event to its score, and JMH's"
                    + " ns per prediction and per explanation."})
    public static final class Score implements Callable<Integer> {

        @Option(names = "--events", description = "Simulated records to push through (default: ${DEFAULT-VALUE}).")
        long events = 100_000;

        @Option(names = "--parallelism", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
        int parallelism = 1;

        @Option(names = "--partitions", description = "Partitions of the input topic (default: ${DEFAULT-VALUE}).")
        int partitions = 2;

        @Option(names = "--checkpoint-interval", description = "Exactly-once commit interval (default: ${DEFAULT-VALUE}).")
        Duration checkpointInterval = Duration.ofSeconds(1);

        @Option(names = "--latency-rate", description = "Events/s during the latency phase (default: ${DEFAULT-VALUE}).")
        double latencyRate = 200;

        @Option(names = "--latency-duration", description = "Length of the latency phase (default: ${DEFAULT-VALUE}).")
        Duration latencyDuration = Duration.ofSeconds(20);

        @Option(names = "--seed", description = "Simulator seed (default: ${DEFAULT-VALUE}).")
        long seed = 42;

        @Option(names = "--model", paramLabel = "DIR",
                description = "A model directory from 'autopilot train' (default: a ${DEFAULT-VALUE}-tree benchmark model).")
        Path model;

        @Option(names = "--trees", description = "Trees of the benchmark model when no --model (default: ${DEFAULT-VALUE}).")
        int trees = 300;

        @Option(names = "--depth", description = "Depth of the benchmark model's trees (default: ${DEFAULT-VALUE}).")
        int depth = 6;

        @Option(names = "--no-jmh", description = "Skip the JMH predict/explain benchmark (about 15 s).")
        boolean noJmh;

        @Option(names = "--json", description = "Also write the figures as JSON to this file.")
        Path json;

        @Override
        public Integer call() throws Exception {
            var result = new com.crmautopilot.cli.bench.score.ScoreBenchmark(
                    new com.crmautopilot.cli.bench.score.ScoreBenchmark.Options(events, parallelism, partitions,
                            checkpointInterval, latencyRate, latencyDuration, seed, model, trees, depth, !noJmh),
                    System.out).run();
            Map<String, Object> figures = result.toJson();
            System.out.println();
            System.out.printf(Locale.ROOT, "| %-34s | %16s |%n", "figure", "value");
            System.out.printf(Locale.ROOT, "|%s|%s|%n", "-".repeat(36), "-".repeat(18));
            figures.forEach((name, value) -> System.out.printf(Locale.ROOT, "| %-34s | %16s |%n", name,
                    value instanceof Double d ? String.format(Locale.ROOT, "%,.1f", d) : String.valueOf(value)));
            if (json != null) {
                Path parent = json.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(figures));
                System.out.println("\nwrote " + json);
            }
            return 0;
        }
    }
}
