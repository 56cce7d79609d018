package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.bench.EndToEndRun;
import com.crmautopilot.cli.bench.IngestBenchmark;
import com.crmautopilot.cli.bench.score.ScoreBenchmark;
import com.crmautopilot.cli.bench.suggest.SuggestBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** Benchmarks of whole pipelines through the embedded broker. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure pipelines end to end through the embedded broker.",
        subcommands = {BenchCommand.Ingest.class, BenchCommand.Score.class, BenchCommand.Suggest.class})
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

        @Mixin
        EndToEndBenchOptions bench = new EndToEndBenchOptions(IngestBenchmark.defaults());

        @Override
        public Integer call() throws Exception {
            var result = new IngestBenchmark(bench.toBenchOptions(), System.out).run();
            EndToEndRun measured = result.measured();
            FigureTable table = new FigureTable(28, 14);
            System.out.println();
            table.header();
            table.row("events", String.format(Locale.ROOT, "%,d", measured.events()));
            table.row("ingestion events/s", String.format(Locale.ROOT, "%,.0f", measured.eventsPerSecond()));
            table.row("baseline events/s", String.format(Locale.ROOT, "%,.0f", measured.baselineEventsPerSecond()));
            table.row("ratio (ingestion/baseline)", String.format(Locale.ROOT, "%.3f", measured.ratio()));
            table.row("p50 end-to-end latency", String.format(Locale.ROOT, "%.0f ms", measured.p50Millis()));
            table.row("p99 end-to-end latency", String.format(Locale.ROOT, "%.0f ms", measured.p99Millis()));
            table.row("peak heap (whole process)",
                    String.format(Locale.ROOT, "%,.0f MB", measured.peakHeapMegabytes()));
            bench.writeJsonIfAsked(result.toJson());
            return 0;
        }
    }

    @Command(name = "score", mixinStandardHelpOptions = true,
            description = {"The lead-intelligence job with inline scoring (explanations, decay timers, score and tier-change"
                    + " sinks) against the same bare baseline, end-to-end latency from an event to its score, and JMH's"
                    + " ns per prediction and per explanation."})
    public static final class Score implements Callable<Integer> {

        private static final ScoreBenchmark.Options DEFAULTS = ScoreBenchmark.Options.defaults();

        @Mixin
        EndToEndBenchOptions bench = new EndToEndBenchOptions(DEFAULTS.pipeline());

        @Option(names = "--model", paramLabel = "DIR",
                description = "A model directory from 'autopilot train' (default: train a benchmark model, see --trees"
                        + " and --depth).")
        Path model = DEFAULTS.model();

        @Option(names = "--trees", description = "Trees of the benchmark model when no --model (default: ${DEFAULT-VALUE}).")
        int trees = DEFAULTS.trees();

        @Option(names = "--depth", description = "Depth of the benchmark model's trees (default: ${DEFAULT-VALUE}).")
        int depth = DEFAULTS.depth();

        @Option(names = "--no-jmh", description = "Skip the JMH predict/explain benchmark (about 15 s).")
        boolean noJmh = !DEFAULTS.jmh();

        @Override
        public Integer call() throws Exception {
            var result = new ScoreBenchmark(new ScoreBenchmark.Options(bench.toBenchOptions(), model, trees, depth,
                    !noJmh), System.out).run();
            Map<String, Object> figures = result.toJson();
            FigureTable table = new FigureTable(34, 16);
            System.out.println();
            table.header();
            figures.forEach((name, value) -> table.row(name,
                    value instanceof Double d ? String.format(Locale.ROOT, "%,.1f", d) : String.valueOf(value)));
            bench.writeJsonIfAsked(figures);
            return 0;
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {"The suggestion-delivery job (triggers, suggestion engine, delivery) against the same bare"
                    + " baseline and the ingestion job, suggestions per 1,000 events by trigger, and end-to-end latency"
                    + " from a triggering event to its suggestion on ai.suggestions (read_committed)."})
    public static final class Suggest implements Callable<Integer> {

        @Mixin
        EndToEndBenchOptions bench = new EndToEndBenchOptions(SuggestBenchmark.defaults());

        @Override
        public Integer call() throws Exception {
            Map<String, Object> figures = new SuggestBenchmark(bench.toBenchOptions(), System.out).run().toJson();
            FigureTable table = new FigureTable(34, 16);
            System.out.println();
            table.header();
            figures.forEach((name, value) -> {
                if (!(value instanceof Map<?, ?>) && !name.equals("bench_settings")) {
                    table.row(name, value instanceof Double d
                            ? String.format(Locale.ROOT, Math.abs(d) < 10 ? "%.3f" : "%,.1f", d)
                            : String.valueOf(value));
                }
            });
            System.out.println();
            System.out.println("suggestions by trigger (per 1,000 events):");
            @SuppressWarnings("unchecked")
            Map<String, Object> perThousand = (Map<String, Object>) figures.get("per_1k_events_by_trigger");
            ((Map<?, ?>) figures.get("by_trigger")).forEach((type, count) -> System.out.printf(Locale.ROOT,
                    "  %-26s %8s  (%s)%n", type, count, perThousand.get(type)));
            System.out.println("bench settings: " + figures.get("bench_settings"));
            bench.writeJsonIfAsked(figures);
            return 0;
        }
    }

    /** A Markdown table, so the figures paste into a README or a pull request as they are. */
    private record FigureTable(int nameWidth, int valueWidth) {

        void header() {
            row("figure", "value");
            System.out.printf(Locale.ROOT, "|%s|%s|%n", "-".repeat(nameWidth + 2), "-".repeat(valueWidth + 2));
        }

        void row(String name, String value) {
            System.out.printf(Locale.ROOT, "| %-" + nameWidth + "s | %" + valueWidth + "s |%n", name, value);
        }
    }
}
