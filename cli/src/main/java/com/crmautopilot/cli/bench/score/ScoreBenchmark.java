package com.crmautopilot.cli.bench.score;

import com.crmautopilot.cli.bench.BaselinePipeline;
import com.crmautopilot.cli.bench.HeapSampler;
import com.crmautopilot.cli.bench.LatencyRecorder;
import com.crmautopilot.cli.jmh.BenchModels;
import com.crmautopilot.cli.jmh.ScorerJmh;
import com.crmautopilot.cli.runtime.EmbeddedFlink;
import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.cli.runtime.OutputWatcher;
import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.jobs.scoring.ControlMessagesSource;
import com.crmautopilot.jobs.scoring.LeadScoringPipeline;
import com.crmautopilot.jobs.scoring.LeadScoringStreams;
import com.crmautopilot.jobs.scoring.ScoringKafka;
import com.crmautopilot.models.Topics;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import com.crmautopilot.operators.metrics.InProcessCounters;
import com.crmautopilot.operators.scoring.ControlMessage;
import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.ModelArtifact;
import com.crmautopilot.operators.scoring.ModelArtifacts;
import com.crmautopilot.operators.scoring.ScoringMetrics;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * {@code bench score}: the lead-intelligence pipeline with scoring (ingestion, profile, inline scoring with
 * explanations, decay timers, Kafka sinks for profiles, scores, tier changes and dead letters) over N simulated
 * records through the embedded broker, beside the bare baseline over the same bytes, then end-to-end latency from
 * an event's production to its score becoming visible, then JMH's ns per prediction and per explanation for the
 * same model. Everything runs in this JVM, like {@code bench ingest}.
 *
 * <p>The SHAP share is the scoring operator's time inside TreeSHAP (and the factor sentences and actions built
 * around it) over the process's CPU time during the run, so it says how much of the machine explanations take.
 *
 * <p>The end of a bounded input moves event time to its end, so every open lead's decay timers fire, a day at a
 * time, until its 90-day horizon: months of rescores at once, which a live stream spreads over those months. The
 * wall-time figures include that cascade (its timers are reported); the processing figures stop at the last
 * profile scored, so they measure the event-driven path.
 */
public final class ScoreBenchmark {

    /**
     * @param model  a model directory the trainer wrote, or null to train a benchmark model of {@code trees} x
     *               {@code depth} with XGBoost on random rows (a few seconds)
     * @param jmh    run the JMH predict/explain benchmark too (about 15 s, in a forked JVM)
     */
    public record Options(long events, int parallelism, int partitions, Duration checkpointInterval,
                          double latencyRate, Duration latencyDuration, long seed, Path model, int trees, int depth,
                          boolean jmh) {

        public static Options defaults() {
            // Explaining every changed score caps the pipeline near a thousand events/s per core: the latency phase
            // runs well below that, so the figure is latency, not queueing.
            return new Options(100_000, 1, 2, Duration.ofSeconds(1), 200, Duration.ofSeconds(20), 42, null, 300, 6,
                    true);
        }

        public Options withEvents(long value) {
            return new Options(value, parallelism, partitions, checkpointInterval, latencyRate, latencyDuration, seed,
                    model, trees, depth, jmh);
        }

        public Options withLatency(double rate, Duration duration) {
            return new Options(events, parallelism, partitions, checkpointInterval, rate, duration, seed, model, trees,
                    depth, jmh);
        }

        public Options withModel(Path value) {
            return new Options(events, parallelism, partitions, checkpointInterval, latencyRate, latencyDuration, seed,
                    value, trees, depth, jmh);
        }

        public Options withJmh(boolean value) {
            return new Options(events, parallelism, partitions, checkpointInterval, latencyRate, latencyDuration, seed,
                    model, trees, depth, value);
        }
    }

    /**
     * One bounded run of a job over the benchmark's records.
     *
     * @param wallSeconds       submission to end: start-up, the end-of-input decay and the final commit included
     * @param processingSeconds first record counted in to the last output counted (for scoring: the last profile
     *                          scored, so the end of input's decay cascade is left out)
     * @param cpuSeconds        CPU time of the whole process meanwhile (broker and producer threads included)
     * @param outputs           records counted by the job's last counter
     * @param counters          the scoring counters' increase over the run (empty for the baseline)
     */
    public record Phase(double wallSeconds, double processingSeconds, double cpuSeconds, long outputs,
                        Map<String, Long> counters) {

        double perSecond(long events) {
            return events / wallSeconds;
        }

        double perProcessingSecond(long events) {
            return events / processingSeconds;
        }

        double cpuMillisPerThousand(long events) {
            return cpuSeconds * 1e6 / events;
        }

        long counter(String name) {
            return counters.getOrDefault(name, 0L);
        }
    }

    public record Result(long events, Phase scoring, Phase baseline, double p50Millis, double p99Millis,
                         int latencySamples, double peakHeapMegabytes, ScorerJmh.Result jmh, String model,
                         long warmUpEvents, Options options) {

        public double eventsPerSecond() {
            return scoring.perSecond(events);
        }

        public double baselineEventsPerSecond() {
            return baseline.perSecond(events);
        }

        public double ratio() {
            return eventsPerSecond() / baselineEventsPerSecond();
        }

        /** The explanations' share of the process's CPU time over the scoring run. */
        public double shapCpuShare() {
            return scoring.counter(ScoringMetrics.EXPLAIN_NANOS) / (scoring.cpuSeconds() * 1e9);
        }

        /** The explanations' share of the scoring operator's own time (predictions plus explanations). */
        public double shapShareOfScoring() {
            double explain = scoring.counter(ScoringMetrics.EXPLAIN_NANOS);
            return explain / (explain + scoring.counter(ScoringMetrics.PREDICT_NANOS));
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("events", events);
            json.put("events_per_s", round(eventsPerSecond()));
            json.put("baseline_events_per_s", round(baselineEventsPerSecond()));
            json.put("ratio", round3(ratio()));
            json.put("processing_events_per_s", round(scoring.perProcessingSecond(events)));
            json.put("baseline_processing_events_per_s", round(baseline.perProcessingSecond(events)));
            json.put("processing_ratio",
                    round3(scoring.perProcessingSecond(events) / baseline.perProcessingSecond(events)));
            json.put("cpu_ms_per_1k_events", round(scoring.cpuMillisPerThousand(events)));
            json.put("baseline_cpu_ms_per_1k_events", round(baseline.cpuMillisPerThousand(events)));
            json.put("cpu_ratio", round3(baseline.cpuSeconds() / scoring.cpuSeconds()));
            json.put("wall_s", round3(scoring.wallSeconds()));
            json.put("baseline_wall_s", round3(baseline.wallSeconds()));
            json.put("predictions", scoring.counter(ScoringMetrics.PREDICTIONS));
            json.put("explanations", scoring.counter(ScoringMetrics.EXPLANATIONS));
            json.put("scores_emitted", scoring.counter(ScoringMetrics.SCORES_EMITTED));
            json.put("tier_changes", scoring.counter(ScoringMetrics.TIER_CHANGES));
            json.put("profiles_scored", scoring.counter(ScoringMetrics.PROFILES_IN));
            json.put("rescore_timers_fired", scoring.counter(ScoringMetrics.TIMERS_FIRED));
            json.put("pipeline_ns_per_prediction", round(perCall(ScoringMetrics.PREDICT_NANOS, ScoringMetrics.PREDICTIONS)));
            json.put("pipeline_ns_per_explanation",
                    round(perCall(ScoringMetrics.EXPLAIN_NANOS, ScoringMetrics.EXPLANATIONS)));
            json.put("shap_cpu_share", round3(shapCpuShare()));
            json.put("shap_share_of_scoring", round3(shapShareOfScoring()));
            if (jmh != null) {
                json.putAll(jmh.toJson());
            }
            json.put("model", model);
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

        private double perCall(String nanos, String calls) {
            long n = scoring.counter(calls);
            return n == 0 ? Double.NaN : scoring.counter(nanos) / (double) n;
        }

        private static double round(double v) {
            return Math.round(v * 10) / 10.0;
        }

        private static double round3(double v) {
            return Math.round(v * 1000) / 1000.0;
        }
    }

    private static final String EVENTS_TOPIC = "bench.score-events";
    private static final String WARM_UP_TOPIC = "bench.score-warm-up-events";
    private static final String LATENCY_TOPIC = "bench.score-latency-events";
    private static final List<String> SCORING_COUNTERS = List.of(ScoringMetrics.PREDICTIONS,
            ScoringMetrics.PREDICT_NANOS, ScoringMetrics.EXPLANATIONS, ScoringMetrics.EXPLAIN_NANOS,
            ScoringMetrics.SCORES_EMITTED, ScoringMetrics.TIER_CHANGES, ScoringMetrics.TIMERS_FIRED,
            ScoringMetrics.PROFILES_IN);

    private final Options options;
    private final PrintStream log;

    public ScoreBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /**
     * {@code ScoreBenchmark [--events N] [--model DIR] [--no-jmh] [--json FILE]}: the figures as JSON on stdout (and
     * in {@code FILE}). The {@code autopilot bench score} command is the friendlier way in.
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.defaults();
        Path json = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> options = options.withEvents(Long.parseLong(args[++i]));
                case "--model" -> options = options.withModel(Path.of(args[++i]));
                case "--no-jmh" -> options = options.withJmh(false);
                case "--latency-duration" -> options = options.withLatency(options.latencyRate(),
                        Duration.ofSeconds(Long.parseLong(args[++i])));
                case "--latency-rate" -> options = options.withLatency(Double.parseDouble(args[++i]),
                        options.latencyDuration());
                case "--json" -> json = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Result result = new ScoreBenchmark(options, System.err).run();
        String figures = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(result.toJson());
        System.out.println(figures);
        if (json != null) {
            Files.writeString(json, figures);
        }
    }

    public Result run() throws Exception {
        log.printf("Generating %,d simulated records (seed %d)...%n", options.events(), options.seed());
        List<SimulatedRecord> records = new Simulator(SimulatorConfig.builder()
                .seed(options.seed()).maxRecords(options.events()).build()).records().toList();
        List<SimulatedRecord> warmUp = records.subList(0, Math.min(records.size(),
                Math.max(1_000, Math.min(records.size() / 5, 20_000))));
        long events = records.size();
        Set<String> tenants = new LinkedHashSet<>();
        records.forEach(r -> tenants.add(r.tenantId()));

        Path work = Files.createTempDirectory("autopilot-bench-score-");
        try {
            Path modelDir = options.model();
            if (modelDir == null) {
                log.printf("Training a benchmark model: %d trees of depth %d...%n", options.trees(), options.depth());
                modelDir = BenchModels.train(options.trees(), options.depth(), options.seed(), work.resolve("model"));
            }
            ModelArtifact model = ModelArtifacts.fromDirectory(modelDir);
            LeadScoringConfig config = LeadScoringConfig.defaults().withDefaultModel(model);
            List<ControlMessage> announcements = new ArrayList<>();
            for (String tenant : tenants) {
                // the same version as the default: exercises the announcement path without a bulk rescore
                announcements.add(ControlMessage.of(ModelAnnouncement.byUri(tenant, model.name, model.version,
                        modelDir.toUri().toString(), Instant.now())));
            }

            Result result;
            try (HeapSampler heap = new HeapSampler();
                 EmbeddedKafka kafka = EmbeddedKafka.start();
                 EmbeddedFlink flink = EmbeddedFlink.start(Math.max(2, options.parallelism() * 2),
                         options.checkpointInterval(), work.resolve("checkpoints"), 0)) {
                List<String> topics = new ArrayList<>(List.of(EVENTS_TOPIC, WARM_UP_TOPIC, LATENCY_TOPIC,
                        BaselinePipeline.OUTPUT_TOPIC));
                for (String run : List.of("run", "warm-up", "latency")) {
                    topics.addAll(outputTopics(run).values());
                }
                kafka.createTopics(topics, options.partitions());
                log.printf("Loading them into %s...%n", EVENTS_TOPIC);
                produceAll(kafka, EVENTS_TOPIC, records);
                produceAll(kafka, WARM_UP_TOPIC, warmUp);

                log.printf("Warming up both jobs on %,d records...%n", warmUp.size());
                runScoring(flink, kafka, WARM_UP_TOPIC, "warm-up", config, announcements);
                runBaseline(flink, kafka, WARM_UP_TOPIC, "bench-score-warm-up-baseline");

                log.println("Running ingestion and scoring over them...");
                Phase scoring = runScoring(flink, kafka, EVENTS_TOPIC, "run", config, announcements);
                report(scoring, events);
                log.printf("  %,d predictions, %,d explanations (%,d scores emitted, %,d tier changes)%n",
                        scoring.counter(ScoringMetrics.PREDICTIONS), scoring.counter(ScoringMetrics.EXPLANATIONS),
                        scoring.counter(ScoringMetrics.SCORES_EMITTED), scoring.counter(ScoringMetrics.TIER_CHANGES));

                log.println("Running the baseline over the same bytes...");
                Phase baseline = runBaseline(flink, kafka, EVENTS_TOPIC, "bench-score-baseline");
                report(baseline, events);

                log.printf("Measuring event-to-score latency at %,.0f events/s for %ds...%n", options.latencyRate(),
                        options.latencyDuration().toSeconds());
                LatencyRecorder latency = measureLatency(kafka, flink, records, config, announcements);
                log.printf("  p50 %.0f ms, p99 %.0f ms over %,d scores%n", latency.percentile(50),
                        latency.percentile(99), latency.samples());
                result = new Result(events, scoring, baseline, latency.percentile(50), latency.percentile(99),
                        latency.samples(), heap.peakMegabytes(), null, model.version + " (" + model.source + ")",
                        warmUp.size(), options);
            }
            if (options.jmh()) {
                log.println("Measuring ns per prediction and per explanation with JMH...");
                ScorerJmh.Result jmh = ScorerJmh.run(ScorerJmh.Options.quick().withModel(modelDir));
                log.printf("  %.0f ns per prediction, %.0f ns per explanation (%.0fx; TreeSHAP itself %.0f ns)%n",
                        jmh.nsPerPrediction(), jmh.nsPerExplanation(), jmh.explainPerPredict(), jmh.nsPerTreeShap());
                result = new Result(result.events(), result.scoring(), result.baseline(), result.p50Millis(),
                        result.p99Millis(), result.latencySamples(), result.peakHeapMegabytes(), jmh, result.model(),
                        result.warmUpEvents(), options);
            }
            return result;
        } finally {
            try (var paths = Files.walk(work)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void report(Phase phase, long events) {
        log.printf("  %,.0f events/s (submission to end, %.1f s), %,.0f events/s while processing (%.1f s), "
                        + "%.0f CPU ms per 1,000 events%n",
                phase.perSecond(events), phase.wallSeconds(), phase.perProcessingSecond(events),
                phase.processingSeconds(), phase.cpuMillisPerThousand(events));
    }

    /** The output topics of one run: profiles, dead letters, scores and tier changes. */
    private static Map<String, String> outputTopics(String run) {
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put(Topics.LEAD_PROFILES, "bench.score-" + run + "-profiles");
        topics.put(Topics.DEAD_LETTER, "bench.score-" + run + "-dead-letter");
        topics.put(Topics.LEAD_SCORES, "bench.score-" + run + "-scores");
        topics.put(Topics.SCORE_CHANGES, "bench.score-" + run + "-changes");
        return topics;
    }

    private void produceAll(EmbeddedKafka kafka, String topic, List<SimulatedRecord> records) {
        try (KafkaEventProducer producer = new KafkaEventProducer(kafka.bootstrapServers(), topic,
                Pacing.unlimited())) {
            producer.produce(records.iterator());
        }
    }

    private Phase runScoring(EmbeddedFlink flink, EmbeddedKafka kafka, String eventsTopic, String run,
                             LeadScoringConfig config, List<ControlMessage> announcements) {
        JobSettings settings = settings(kafka, eventsTopic, run);
        // The clock stops at the last profile scored: what follows is the end of input's decay, below.
        return timeBoundedJob(flink, IngestionMetrics.EVENTS_IN, ScoringMetrics.PROFILES_IN,
                env -> defineScoring(env, settings, run, config, announcements, true));
    }

    private Phase runBaseline(EmbeddedFlink flink, EmbeddedKafka kafka, String eventsTopic, String name) {
        return timeBoundedJob(flink, BaselinePipeline.RECORDS_IN, BaselinePipeline.RECORDS_OUT, env -> {
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
        });
    }

    private JobSettings settings(EmbeddedKafka kafka, String eventsTopic, String run) {
        Map<String, String> topics = outputTopics(run);
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        overrides.put("kafka.group-id", "bench-score-" + run);
        overrides.put("kafka.starting-offsets", "earliest");
        overrides.put("topics.events", eventsTopic);
        overrides.put("topics.lead-profiles", topics.get(Topics.LEAD_PROFILES));
        overrides.put("topics.dead-letter", topics.get(Topics.DEAD_LETTER));
        overrides.put("sink.transactional-id-prefix", "bench-score-" + run + "-" + Long.toHexString(System.nanoTime()));
        overrides.put("checkpoint.interval", options.checkpointInterval().toMillis() + " ms");
        return JobSettings.fromMap(overrides);
    }

    /** The lead-intelligence job with scoring, the way the job wires it. */
    private void defineScoring(StreamExecutionEnvironment env, JobSettings settings, String run,
                               LeadScoringConfig config, List<ControlMessage> announcements, boolean bounded) {
        var deserializer = new CrmEventsDeserializer(settings.validator());
        var source = bounded
                ? KafkaSources.boundedToLatest(settings.sourceSettings(), deserializer)
                : KafkaSources.of(settings.sourceSettings(), deserializer);
        IngestionStreams ingestion = LeadIntelligenceJob.defineIngestion(env, source, settings.ingestion());
        LeadScoringStreams scoring = LeadScoringPipeline.attach(ingestion.profiles(),
                LeadScoringPipeline.controlMessages(env, ControlMessagesSource.of(announcements), null,
                        Topics.MODELS, Topics.CONTROL), config);
        LeadIntelligenceJob.attachSinks(new IngestionStreams(ingestion.events(), ingestion.profiles(),
                        ingestion.deadLetters().union(scoring.deadLetters())),
                OutputSinks.leadProfiles(settings.profilesTopic(), settings.sinkSettings()),
                OutputSinks.deadLetters(settings.deadLetterTopic(), settings.sinkSettings()));
        Map<String, String> topics = outputTopics(run);
        LeadScoringPipeline.attachSinks(scoring,
                ScoringKafka.leadScores(topics.get(Topics.LEAD_SCORES), settings.sinkSettings()),
                ScoringKafka.scoreChanges(topics.get(Topics.SCORE_CHANGES), settings.sinkSettings()));
    }

    private StreamExecutionEnvironment environment(EmbeddedFlink flink, JobSettings settings) {
        StreamExecutionEnvironment env = flink.newEnvironment(LeadIntelligenceJob.jobConfiguration(settings));
        env.setParallelism(options.parallelism());
        return env;
    }

    private Phase timeBoundedJob(EmbeddedFlink flink, String firstCounter, String lastCounter,
                                 Consumer<StreamExecutionEnvironment> definition) {
        JobSettings settings = JobSettings.fromMap(Map.of(
                "checkpoint.interval", options.checkpointInterval().toMillis() + " ms"));
        StreamExecutionEnvironment env = environment(flink, settings);
        definition.accept(env);
        Map<String, Long> before = InProcessCounters.totals();
        try (CounterClock clock = new CounterClock(firstCounter, lastCounter)) {
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            JobID id = flink.submit(env, "bench-score");
            flink.awaitTermination(id, Duration.ofMinutes(60));
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            clock.close();
            Map<String, Long> after = awaitSettled(lastCounter, clock.outputs() + clock.base());
            Map<String, Long> counters = new LinkedHashMap<>();
            for (String name : SCORING_COUNTERS) {
                counters.put(name, after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L));
            }
            return new Phase(wall, clock.processingSeconds(), cpu, clock.outputs(), counters);
        }
    }

    /** Counters of finished tasks are handed over as the tasks close, which may trail the job's end a little. */
    private static Map<String, Long> awaitSettled(String counter, long atLeast) {
        Map<String, Long> totals = InProcessCounters.totals();
        for (int attempt = 0; attempt < 40 && totals.getOrDefault(counter, 0L) < atLeast; attempt++) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            totals = InProcessCounters.totals();
        }
        return totals;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private LatencyRecorder measureLatency(EmbeddedKafka kafka, EmbeddedFlink flink, List<SimulatedRecord> records,
                                           LeadScoringConfig config, List<ControlMessage> announcements)
            throws Exception {
        LatencyRecorder recorder = new LatencyRecorder();
        JobSettings settings = settings(kafka, LATENCY_TOPIC, "latency");
        StreamExecutionEnvironment env = environment(flink, settings);
        defineScoring(env, settings, "latency", config, announcements, false);
        JobID job = flink.submit(env, "bench-score-latency");
        String scoresTopic = outputTopics("latency").get(Topics.LEAD_SCORES);
        try (OutputWatcher watcher = new OutputWatcher(kafka.bootstrapServers(), List.of(scoresTopic))
                .onRecord((record, visibleAt) -> {
                    String eventId = Json.read(record.value(), LeadScore.class).triggerEventId();
                    if (eventId != null) {
                        recorder.visible(eventId, visibleAt);
                    }
                })
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
        props.put("key.serializer", StringSerializer.class.getName());
        props.put("value.serializer", ByteArraySerializer.class.getName());
        long total = Math.min(records.size(), (long) (options.latencyRate() * options.latencyDuration().toSeconds()));
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < total; i++) {
                long wait = start + (long) (i * 1e9 / options.latencyRate()) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
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
