package com.crmautopilot.cli.bench;

import com.crmautopilot.cli.runtime.EmbeddedFlink;
import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.cli.runtime.OutputWatcher;
import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.kafka.KafkaEventProducer;
import com.crmautopilot.simulator.kafka.Pacing;
import com.crmautopilot.sinks.kafka.KafkaSources;
import com.crmautopilot.sinks.kafka.OutputSinks;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

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

    /**
     * @param latencyRate     events per second produced during the latency phase (well below capacity, so the
     *                        figure is latency, not queueing)
     * @param latencyDuration how long the latency phase produces
     */
    public record Options(long events, int parallelism, int partitions, Duration checkpointInterval,
                          double latencyRate, Duration latencyDuration, long seed) {
    }

    /**
     * One bounded run of a job over the benchmark's records.
     *
     * @param wallSeconds       from submission to the end of the job: start-up and the final commit included
     * @param processingSeconds from the first record counted in to the last output counted (see {@link ProgressClock})
     * @param cpuSeconds        CPU time of this whole process meanwhile (broker and producer threads included),
     *                          which other load on the machine disturbs far less than wall time
     * @param processingCpuSeconds CPU time of the process over the processing seconds only
     * @param outputs           records the job's last operator sent to its main sink
     * @param jitCpuSeconds     CPU time of the JIT compiler threads meanwhile (NaN where the OS does not show them):
     *                          a start-up cost of this short run, not of the pipeline, and far larger for the job
     *                          with more code
     * @param cpuByThread       CPU seconds by thread group over the whole run, largest first
     */
    public record Phase(double wallSeconds, double processingSeconds, double cpuSeconds, double processingCpuSeconds,
                        double jitCpuSeconds, long outputs, Map<String, Double> cpuByThread) {

        double perSecond(long events) {
            return events / wallSeconds;
        }

        double perProcessingSecond(long events) {
            return events / processingSeconds;
        }

        double cpuMillisPerThousand(long events) {
            return cpuSeconds * 1e6 / events;
        }

        double processingCpuMillisPerThousand(long events) {
            return processingCpuSeconds * 1e6 / events;
        }

        double cpuMillisPerThousandWithoutJit(long events) {
            return (cpuSeconds - jitCpuSeconds) * 1e6 / events;
        }
    }

    public record Result(long events, double eventsPerSecond, double baselineEventsPerSecond, double p50Millis,
                         double p99Millis, int latencySamples, double peakHeapMegabytes, Options options,
                         Phase ingestion, Phase baseline, long warmUpEvents) {

        public double ratio() {
            return eventsPerSecond / baselineEventsPerSecond;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("events", events);
            json.put("events_per_s", round(eventsPerSecond));
            json.put("baseline_events_per_s", round(baselineEventsPerSecond));
            json.put("ratio", round3(ratio()));
            json.put("processing_events_per_s", round(ingestion.perProcessingSecond(events)));
            json.put("baseline_processing_events_per_s", round(baseline.perProcessingSecond(events)));
            json.put("processing_ratio",
                    round3(ingestion.perProcessingSecond(events) / baseline.perProcessingSecond(events)));
            json.put("cpu_ms_per_1k_events", round(ingestion.cpuMillisPerThousand(events)));
            json.put("baseline_cpu_ms_per_1k_events", round(baseline.cpuMillisPerThousand(events)));
            json.put("cpu_ratio", round3(baseline.cpuSeconds() / ingestion.cpuSeconds()));
            json.put("cpu_ms_per_1k_events_without_jit", round(ingestion.cpuMillisPerThousandWithoutJit(events)));
            json.put("baseline_cpu_ms_per_1k_events_without_jit",
                    round(baseline.cpuMillisPerThousandWithoutJit(events)));
            json.put("cpu_ratio_without_jit", round3((baseline.cpuSeconds() - baseline.jitCpuSeconds())
                    / (ingestion.cpuSeconds() - ingestion.jitCpuSeconds())));
            json.put("processing_cpu_ms_per_1k_events", round(ingestion.processingCpuMillisPerThousand(events)));
            json.put("baseline_processing_cpu_ms_per_1k_events",
                    round(baseline.processingCpuMillisPerThousand(events)));
            json.put("wall_s", round3(ingestion.wallSeconds()));
            json.put("baseline_wall_s", round3(baseline.wallSeconds()));
            json.put("profiles_emitted", ingestion.outputs());
            json.put("baseline_records_out", baseline.outputs());
            json.put("warm_up_events", warmUpEvents);
            json.put("p50_ms", p50Millis);
            json.put("p99_ms", p99Millis);
            json.put("latency_samples", latencySamples);
            json.put("latency_rate_events_per_s", options.latencyRate());
            json.put("peak_heap_mb", round(peakHeapMegabytes));
            json.put("parallelism", options.parallelism());
            json.put("partitions", options.partitions());
            json.put("checkpoint_interval_ms", options.checkpointInterval().toMillis());
            json.put("delivery_guarantee", "exactly-once");
            json.put("cores", Runtime.getRuntime().availableProcessors());
            return json;
        }

        private static double round(double v) {
            return Math.round(v * 10) / 10.0;
        }

        private static double round3(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    private static final String EVENTS_TOPIC = "bench.events";
    private static final String WARM_UP_TOPIC = "bench.warm-up-events";
    private static final int WARM_UP_MAX = 50_000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final String LATENCY_TOPIC = "bench.latency-events";

    private final Options options;
    private final PrintStream log;

    public IngestBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Result run() throws Exception {
        log.printf("Generating %,d simulated records (seed %d)...%n", options.events(), options.seed());
        List<SimulatedRecord> records = new Simulator(SimulatorConfig.builder()
                .seed(options.seed()).maxRecords(options.events()).build()).records().toList();
        List<SimulatedRecord> warmUp = records.subList(0, warmUpSize(records.size()));
        long events = records.size();

        Path checkpoints = Files.createTempDirectory("autopilot-bench-");
        try (HeapSampler heap = new HeapSampler();
             EmbeddedKafka kafka = EmbeddedKafka.start();
             EmbeddedFlink flink = EmbeddedFlink.start(Math.max(2, options.parallelism() * 2),
                     options.checkpointInterval(), checkpoints, 0)) {
            kafka.createTopics(List.of(EVENTS_TOPIC, WARM_UP_TOPIC, LATENCY_TOPIC, "bench.profiles",
                    "bench.dead-letter", "bench.warm-up-profiles", "bench.warm-up-dead-letter",
                    "bench.latency-profiles", "bench.latency-dead-letter", BaselinePipeline.OUTPUT_TOPIC),
                    options.partitions());

            log.printf("Loading them into %s...%n", EVENTS_TOPIC);
            produceAll(kafka, EVENTS_TOPIC, records);
            produceAll(kafka, WARM_UP_TOPIC, warmUp);

            // Both jobs run the same JIT-compiled Kafka, Flink and RocksDB code: warming it up on the first job alone
            // would hand the second an advantage. Two rounds, because each job's types make the other's compiled
            // code deoptimize (call sites that were mono- or bimorphic see new types) and recompile.
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                log.printf("Warming up both jobs on %,d records (round %d of %d)...%n", warmUp.size(), round,
                        WARM_UP_ROUNDS);
                runIngestion(flink, kafka, WARM_UP_TOPIC, "bench.warm-up-profiles", "bench.warm-up-dead-letter",
                        "bench-warm-up-ingest-" + round);
                runBaseline(flink, kafka, WARM_UP_TOPIC, "bench-warm-up-baseline-" + round);
            }

            log.println("Running the ingestion job over them...");
            Phase ingestion = runIngestion(flink, kafka, EVENTS_TOPIC, "bench.profiles", "bench.dead-letter",
                    "bench-ingest");
            report(ingestion, events, "profiles");

            log.println("Running the baseline over the same bytes...");
            Phase baseline = runBaseline(flink, kafka, EVENTS_TOPIC, "bench-baseline");
            report(baseline, events, "records");

            log.printf("Measuring end-to-end latency at %,.0f events/s for %ds...%n", options.latencyRate(),
                    options.latencyDuration().toSeconds());
            LatencyRecorder latency = measureLatency(kafka, flink, records);
            log.printf("  p50 %.0f ms, p99 %.0f ms over %,d events%n", latency.percentile(50), latency.percentile(99),
                    latency.samples());

            return new Result(events, ingestion.perSecond(events), baseline.perSecond(events),
                    latency.percentile(50), latency.percentile(99), latency.samples(), heap.peakMegabytes(), options,
                    ingestion, baseline, warmUp.size());
        } finally {
            try (var paths = Files.walk(checkpoints)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
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
        log.printf("  %,.0f events/s (submission to end, %.1f s), %,.0f events/s while processing (%.1f s), "
                        + "%.0f CPU ms per 1,000 events (%.0f while processing, %.0f without the JIT), %,d %s out%n",
                phase.perSecond(events), phase.wallSeconds(), phase.perProcessingSecond(events),
                phase.processingSeconds(), phase.cpuMillisPerThousand(events),
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

    private void produceAll(EmbeddedKafka kafka, String topic, List<SimulatedRecord> records) {
        try (KafkaEventProducer producer = new KafkaEventProducer(kafka.bootstrapServers(), topic,
                Pacing.unlimited())) {
            producer.produce(records.iterator());
        }
    }

    private Phase runIngestion(EmbeddedFlink flink, EmbeddedKafka kafka, String eventsTopic, String profilesTopic,
                               String deadLetterTopic, String name) {
        JobSettings settings = settings(kafka, eventsTopic, profilesTopic, deadLetterTopic, name);
        return timeBoundedJob(flink, IngestionMetrics.EVENTS_IN, IngestionMetrics.PROFILES_EMITTED,
                env -> defineIngestion(env, kafka, settings, true));
    }

    private Phase runBaseline(EmbeddedFlink flink, EmbeddedKafka kafka, String eventsTopic, String name) {
        return timeBoundedJob(flink, BaselinePipeline.RECORDS_IN, BaselinePipeline.RECORDS_OUT,
                env -> defineBaseline(env, kafka, eventsTopic, name));
    }

    private JobSettings settings(EmbeddedKafka kafka, String eventsTopic, String profilesTopic, String deadLetterTopic,
                                 String name) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        overrides.put("kafka.group-id", name);
        overrides.put("kafka.starting-offsets", "earliest");
        overrides.put("topics.events", eventsTopic);
        overrides.put("topics.lead-profiles", profilesTopic);
        overrides.put("topics.dead-letter", deadLetterTopic);
        overrides.put("sink.transactional-id-prefix", name + "-" + Long.toHexString(System.nanoTime()));
        overrides.put("checkpoint.interval", options.checkpointInterval().toMillis() + " ms");
        return JobSettings.fromMap(overrides);
    }

    private StreamExecutionEnvironment environment(EmbeddedFlink flink, JobSettings settings) {
        StreamExecutionEnvironment env = flink.newEnvironment(LeadIntelligenceJob.jobConfiguration(settings));
        env.setParallelism(options.parallelism());
        return env;
    }

    private void defineIngestion(StreamExecutionEnvironment env, EmbeddedKafka kafka, JobSettings settings,
                                 boolean bounded) {
        var deserializer = new CrmEventsDeserializer(settings.validator());
        var source = bounded
                ? KafkaSources.boundedToLatest(settings.sourceSettings(), deserializer)
                : KafkaSources.of(settings.sourceSettings(), deserializer);
        IngestionStreams streams = LeadIntelligenceJob.defineIngestion(env, source, settings.ingestion());
        LeadIntelligenceJob.attachSinks(streams,
                OutputSinks.leadProfiles(settings.profilesTopic(), settings.sinkSettings()),
                OutputSinks.deadLetters(settings.deadLetterTopic(), settings.sinkSettings()));
    }

    private void defineBaseline(StreamExecutionEnvironment env, EmbeddedKafka kafka, String eventsTopic,
                                String name) {
        KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(eventsTopic)
                .setGroupId(name)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                .setProperty("isolation.level", "read_committed")
                .build();
        BaselinePipeline.define(env, source, kafka.bootstrapServers(), DeliveryGuarantee.EXACTLY_ONCE,
                name + "-" + Long.toHexString(System.nanoTime()));
    }

    /**
     * Runs a bounded job to its end. Wall time counts from submission, so start-up and the final commit count
     * for both jobs alike; the processing time comes from the job's counters; CPU time is the whole process's.
     */
    private Phase timeBoundedJob(EmbeddedFlink flink, String firstCounter, String lastCounter,
                                 Consumer<StreamExecutionEnvironment> definition) {
        JobSettings settings = JobSettings.fromMap(Map.of(
                "checkpoint.interval", options.checkpointInterval().toMillis() + " ms"));
        StreamExecutionEnvironment env = environment(flink, settings);
        definition.accept(env);
        try (ProgressClock clock = new ProgressClock(firstCounter, lastCounter);
             ThreadCpuAccount threads = new ThreadCpuAccount()) {
            long cpuStart = ProgressClock.processCpuNanos();
            long start = System.nanoTime();
            JobID id = flink.submit(env, "bench");
            flink.awaitTermination(id, Duration.ofMinutes(30));
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (ProgressClock.processCpuNanos() - cpuStart) / 1e9;
            clock.close();
            threads.close();
            return new Phase(wall, clock.processingSeconds(), cpu, clock.processingCpuSeconds(), threads.jitSeconds(),
                    clock.outputs(), threads.secondsByGroup());
        }
    }

    private LatencyRecorder measureLatency(EmbeddedKafka kafka, EmbeddedFlink flink, List<SimulatedRecord> records)
            throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        JobSettings settings = settings(kafka, LATENCY_TOPIC, "bench.latency-profiles", "bench.latency-dead-letter",
                "bench-latency");
        StreamExecutionEnvironment env = environment(flink, settings);
        defineIngestion(env, kafka, settings, false);
        JobID job = flink.submit(env, "bench-latency");
        try (OutputWatcher watcher = new OutputWatcher(kafka.bootstrapServers(), List.of("bench.latency-profiles"))
                .onRecord((record, visibleAt) -> recorder.visible(
                        Json.read(record.value(), LeadProfile.class).triggerEventId(), visibleAt))
                .start()) {
            awaitRunning(flink, job);
            producePaced(kafka, records, recorder);
            // exactly-once output shows at the next checkpoint: give the last ones time to be committed
            Thread.sleep(options.checkpointInterval().toMillis() * 3 + 2000);
        } finally {
            flink.cancel(job);
        }
        return recorder;
    }

    private void producePaced(EmbeddedKafka kafka, List<SimulatedRecord> records, LatencyRecorder recorder) {
        Properties props = KafkaEventProducer.defaultProperties(kafka.bootstrapServers());
        props.put("linger.ms", "0");
        props.put("key.serializer", org.apache.kafka.common.serialization.StringSerializer.class.getName());
        props.put("value.serializer", org.apache.kafka.common.serialization.ByteArraySerializer.class.getName());
        long total = Math.min(records.size(), (long) (options.latencyRate() * options.latencyDuration().toSeconds()));
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / options.latencyRate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                SimulatedRecord record = records.get(i);
                if (record.isClean()) {
                    recorder.produced(record.eventId(), System.currentTimeMillis());
                }
                producer.send(new ProducerRecord<>(LATENCY_TOPIC, record.key(), record.value()));
            }
        }
    }

    private static void awaitRunning(EmbeddedFlink flink, JobID job) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (flink.status(job) != JobStatus.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // sources and sinks finish connecting after the job reports RUNNING
        Thread.sleep(2000);
    }
}
