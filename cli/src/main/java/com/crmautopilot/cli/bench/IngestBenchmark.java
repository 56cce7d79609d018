package com.crmautopilot.cli.bench;

import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.sinks.kafka.OutputSinks;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code bench ingest}: the ingestion job over N simulated records through the embedded broker, beside a bare
 * baseline over the same bytes, then end-to-end latency at a steady produce rate. Everything runs in this JVM:
 * the broker, the MiniCluster and the producer share the machine, as they do in the demo.
 *
 * <p>Fairness: both jobs read the same topic at the same parallelism, run with the same job configuration and
 * checkpoint interval, write exactly-once with the same producer batching, and are measured after the same two
 * warm-up rounds over (up to) 50,000 of the records. Three figures per job: submission-to-end wall time (start-up
 * and the final commit included, which favours the slower job), first-input-to-last-output time from the jobs' own
 * counters, and the process's CPU time, with a per-thread breakdown; on a shared machine the CPU figures are the
 * steadiest, and the JIT's share is reported apart because in a run this short it is mostly start-up.
 */
public final class IngestBenchmark {

    public static BenchOptions defaults() {
        return BenchOptions.defaults(1_000_000, 2000);
    }

    /** The shared figures, plus where the CPU went: the JIT's share and the processing stretch apart. */
    public record Result(EndToEndRun measured) {

        public Map<String, Object> toJson() {
            long events = measured.events();
            Phase ingestion = measured.job();
            Phase baseline = measured.baseline();
            return measured.toJson(json -> {
                json.put("cpu_ms_per_1k_events_without_jit",
                        Rounded.toTenths(ingestion.cpuMillisPerThousandWithoutJit(events)));
                json.put("baseline_cpu_ms_per_1k_events_without_jit",
                        Rounded.toTenths(baseline.cpuMillisPerThousandWithoutJit(events)));
                json.put("cpu_ratio_without_jit", Rounded.toThousandths(
                        (baseline.cpuSeconds() - baseline.jitCpuSeconds())
                                / (ingestion.cpuSeconds() - ingestion.jitCpuSeconds())));
                json.put("processing_cpu_ms_per_1k_events",
                        Rounded.toTenths(ingestion.processingCpuMillisPerThousand(events)));
                json.put("baseline_processing_cpu_ms_per_1k_events",
                        Rounded.toTenths(baseline.processingCpuMillisPerThousand(events)));
                json.put("wall_s", Rounded.toThousandths(ingestion.wallSeconds()));
                json.put("baseline_wall_s", Rounded.toThousandths(baseline.wallSeconds()));
                json.put("profiles_emitted", ingestion.outputs());
                json.put("baseline_records_out", baseline.outputs());
            });
        }
    }

    private static final String EVENTS_TOPIC = "bench.events";
    private static final String WARM_UP_TOPIC = "bench.warm-up-events";
    private static final int WARM_UP_MAX = 50_000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final String LATENCY_TOPIC = "bench.latency-events";
    private static final String LATENCY_PROFILES_TOPIC = "bench.latency-profiles";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration CLOCK_PERIOD = Duration.ofMillis(10);

    private final BenchOptions options;
    private final PrintStream log;

    public IngestBenchmark(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Result run() throws Exception {
        log.printf("Generating %,d simulated records (seed %d)...%n", options.events(), options.seed());
        List<SimulatedRecord> records = options.simulatedRecords();
        List<SimulatedRecord> warmUp = records.subList(0, warmUpSize(records.size()));
        long events = records.size();

        try (ScratchDirectory checkpoints = ScratchDirectory.create("autopilot-bench-");
             HeapSampler heap = new HeapSampler();
             BenchRig rig = BenchRig.start(options, checkpoints.path())) {
            rig.createTopics(List.of(EVENTS_TOPIC, WARM_UP_TOPIC, LATENCY_TOPIC, "bench.profiles",
                    "bench.dead-letter", "bench.warm-up-profiles", "bench.warm-up-dead-letter",
                    LATENCY_PROFILES_TOPIC, "bench.latency-dead-letter", BaselinePipeline.OUTPUT_TOPIC));

            log.printf("Loading them into %s...%n", EVENTS_TOPIC);
            rig.produceAll(EVENTS_TOPIC, records);
            rig.produceAll(WARM_UP_TOPIC, warmUp);
            PhaseTimer timer = new PhaseTimer(rig, "bench", RUN_TIMEOUT, CLOCK_PERIOD).withCpuByThread();

            // Both jobs run the same JIT-compiled Kafka, Flink and RocksDB code: warming it up on the first job alone
            // would hand the second an advantage. Two rounds, because each job's types make the other's compiled
            // code deoptimize (call sites that were mono- or bimorphic see new types) and recompile.
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                log.printf("Warming up both jobs on %,d records (round %d of %d)...%n", warmUp.size(), round,
                        WARM_UP_ROUNDS);
                runIngestion(rig, timer, WARM_UP_TOPIC, "bench.warm-up-profiles", "bench.warm-up-dead-letter",
                        "bench-warm-up-ingest-" + round);
                runBaseline(rig, timer, WARM_UP_TOPIC, "bench-warm-up-baseline-" + round);
            }

            log.println("Running the ingestion job over them...");
            Phase ingestion = runIngestion(rig, timer, EVENTS_TOPIC, "bench.profiles", "bench.dead-letter",
                    "bench-ingest");
            report(ingestion, events, "profiles");

            log.println("Running the baseline over the same bytes...");
            Phase baseline = runBaseline(rig, timer, EVENTS_TOPIC, "bench-baseline");
            report(baseline, events, "records");

            log.printf("Measuring end-to-end latency at %,.0f events/s for %ds...%n", options.latencyRate(),
                    options.latencyDuration().toSeconds());
            LatencyRecorder latency = measureLatency(rig, records);
            log.printf("  p50 %.0f ms, p99 %.0f ms over %,d events%n", latency.percentile(50), latency.percentile(99),
                    latency.samples());

            return new Result(EndToEndRun.of(events, ingestion, baseline, warmUp.size(), latency, heap, options));
        }
    }

    /**
     * The whole run up to 50,000 records, run twice. The ingestion job runs far more code than the baseline
     * (validation of every event type, the profile, the JSON writers): after one round of 20,000 records the JIT was
     * still compiling its hot methods while it was measured, and its threads used as much CPU as the profile
     * operator.
     */
    static int warmUpSize(int events) {
        return Math.min(events, WARM_UP_MAX);
    }

    private void report(Phase phase, long events, String outputs) {
        log.printf("  %s (%.0f while processing, %.0f without the JIT), %,d %s out%n", phase.throughputSummary(events),
                phase.processingCpuMillisPerThousand(events), phase.cpuMillisPerThousandWithoutJit(events),
                phase.outputs(), outputs);
        double accounted = phase.cpuByThread().values().stream().mapToDouble(Double::doubleValue).sum();
        StringBuilder top = new StringBuilder("  CPU ms per 1,000 events by thread:");
        phase.cpuByThread().entrySet().stream().limit(10).forEach(e -> top.append(String.format(Locale.ROOT,
                " %s %.1f;", e.getKey(), e.getValue() * 1e6 / events)));
        top.append(String.format(Locale.ROOT, " threads not seen %.1f",
                Math.max(0, phase.cpuSeconds() - accounted) * 1e6 / events));
        log.println(top);
    }

    private static Phase runIngestion(BenchRig rig, PhaseTimer timer, String eventsTopic, String profilesTopic,
                                      String deadLetterTopic, String name) {
        JobSettings settings = rig.jobSettings(eventsTopic, profilesTopic, deadLetterTopic, name);
        return timer.time(IngestionMetrics.EVENTS_IN, IngestionMetrics.PROFILES_EMITTED,
                env -> defineIngestion(env, settings, true));
    }

    private static Phase runBaseline(BenchRig rig, PhaseTimer timer, String eventsTopic, String name) {
        return timer.time(BaselinePipeline.RECORDS_IN, BaselinePipeline.RECORDS_OUT,
                env -> rig.defineBaseline(env, eventsTopic, name));
    }

    private static void defineIngestion(StreamExecutionEnvironment env, JobSettings settings, boolean bounded) {
        IngestionStreams streams = BenchRig.defineIngestion(env, settings, bounded);
        LeadIntelligenceJob.attachSinks(streams,
                OutputSinks.leadProfiles(settings.profilesTopic(), settings.sinkSettings()),
                OutputSinks.deadLetters(settings.deadLetterTopic(), settings.sinkSettings()));
    }

    private static LatencyRecorder measureLatency(BenchRig rig, List<SimulatedRecord> records)
            throws InterruptedException {
        JobSettings settings = rig.jobSettings(LATENCY_TOPIC, LATENCY_PROFILES_TOPIC, "bench.latency-dead-letter",
                "bench-latency");
        StreamExecutionEnvironment env = rig.environment(settings);
        defineIngestion(env, settings, false);
        return new LatencyPhase(rig, LATENCY_TOPIC).measure(env, "bench-latency", LATENCY_PROFILES_TOPIC,
                value -> Json.read(value, LeadProfile.class).triggerEventId(), records);
    }
}
