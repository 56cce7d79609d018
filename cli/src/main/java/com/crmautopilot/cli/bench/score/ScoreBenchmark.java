package com.crmautopilot.cli.bench.score;

import com.crmautopilot.cli.bench.BaselinePipeline;
import com.crmautopilot.cli.bench.BenchOptions;
import com.crmautopilot.cli.bench.BenchRig;
import com.crmautopilot.cli.bench.EndToEndRun;
import com.crmautopilot.cli.bench.HeapSampler;
import com.crmautopilot.cli.bench.LatencyPhase;
import com.crmautopilot.cli.bench.LatencyRecorder;
import com.crmautopilot.cli.bench.Phase;
import com.crmautopilot.cli.bench.PhaseTimer;
import com.crmautopilot.cli.bench.Rounded;
import com.crmautopilot.cli.bench.ScratchDirectory;
import com.crmautopilot.cli.jmh.BenchModels;
import com.crmautopilot.cli.jmh.ScorerJmh;
import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.scoring.ControlMessagesSource;
import com.crmautopilot.jobs.scoring.LeadScoringPipeline;
import com.crmautopilot.jobs.scoring.LeadScoringStreams;
import com.crmautopilot.jobs.scoring.ScoringKafka;
import com.crmautopilot.models.Topics;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import com.crmautopilot.operators.scoring.ControlMessage;
import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.ModelArtifact;
import com.crmautopilot.operators.scoring.ModelArtifacts;
import com.crmautopilot.operators.scoring.ScoringMetrics;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.sinks.kafka.OutputSinks;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    public record Options(BenchOptions pipeline, Path model, int trees, int depth, boolean jmh) {

        public static Options defaults() {
            // Explaining every changed score caps the pipeline near a thousand events/s per core: the latency phase
            // runs well below that, so the figure is latency, not queueing.
            return new Options(BenchOptions.defaults(100_000, 200), null, 300, 6, true);
        }

        public Options withPipeline(BenchOptions value) {
            return new Options(value, model, trees, depth, jmh);
        }

        public Options withModel(Path value) {
            return new Options(pipeline, value, trees, depth, jmh);
        }

        public Options withJmh(boolean value) {
            return new Options(pipeline, model, trees, depth, value);
        }
    }

    /**
     * The shared figures, plus what scoring did and what explaining it cost.
     *
     * @param jmh   JMH's figures for the same model, or null when not run
     * @param model the model's version and where it came from
     */
    public record Result(EndToEndRun measured, ScorerJmh.Result jmh, String model) {

        /** The explanations' share of the process's CPU time over the scoring run. */
        public double shapCpuShare() {
            Phase scoring = measured.job();
            return scoring.counter(ScoringMetrics.EXPLAIN_NANOS) / (scoring.cpuSeconds() * 1e9);
        }

        /** The explanations' share of the scoring operator's own time (predictions plus explanations). */
        public double shapShareOfScoring() {
            Phase scoring = measured.job();
            double explain = scoring.counter(ScoringMetrics.EXPLAIN_NANOS);
            return explain / (explain + scoring.counter(ScoringMetrics.PREDICT_NANOS));
        }

        public Map<String, Object> toJson() {
            Phase scoring = measured.job();
            return measured.toJson(json -> {
                json.put("wall_s", Rounded.toThousandths(scoring.wallSeconds()));
                json.put("baseline_wall_s", Rounded.toThousandths(measured.baseline().wallSeconds()));
                json.put("predictions", scoring.counter(ScoringMetrics.PREDICTIONS));
                json.put("explanations", scoring.counter(ScoringMetrics.EXPLANATIONS));
                json.put("scores_emitted", scoring.counter(ScoringMetrics.SCORES_EMITTED));
                json.put("tier_changes", scoring.counter(ScoringMetrics.TIER_CHANGES));
                json.put("profiles_scored", scoring.counter(ScoringMetrics.PROFILES_IN));
                json.put("rescore_timers_fired", scoring.counter(ScoringMetrics.TIMERS_FIRED));
                json.put("pipeline_ns_per_prediction",
                        Rounded.toTenths(perCall(ScoringMetrics.PREDICT_NANOS, ScoringMetrics.PREDICTIONS)));
                json.put("pipeline_ns_per_explanation",
                        Rounded.toTenths(perCall(ScoringMetrics.EXPLAIN_NANOS, ScoringMetrics.EXPLANATIONS)));
                json.put("shap_cpu_share", Rounded.toThousandths(shapCpuShare()));
                json.put("shap_share_of_scoring", Rounded.toThousandths(shapShareOfScoring()));
                if (jmh != null) {
                    json.putAll(jmh.toJson());
                }
                json.put("model", model);
            });
        }

        private double perCall(String nanos, String calls) {
            Phase scoring = measured.job();
            long n = scoring.counter(calls);
            return n == 0 ? Double.NaN : scoring.counter(nanos) / (double) n;
        }
    }

    private static final String EVENTS_TOPIC = "bench.score-events";
    private static final String WARM_UP_TOPIC = "bench.score-warm-up-events";
    private static final String LATENCY_TOPIC = "bench.score-latency-events";
    private static final List<String> SCORING_COUNTERS = List.of(ScoringMetrics.PREDICTIONS,
            ScoringMetrics.PREDICT_NANOS, ScoringMetrics.EXPLANATIONS, ScoringMetrics.EXPLAIN_NANOS,
            ScoringMetrics.SCORES_EMITTED, ScoringMetrics.TIER_CHANGES, ScoringMetrics.TIMERS_FIRED,
            ScoringMetrics.PROFILES_IN);
    /** The end of input's decay cascade makes a scoring run far longer than an ingestion run of the same size. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(60);
    private static final Duration CLOCK_PERIOD = Duration.ofMillis(5);

    private final Options options;
    private final BenchOptions pipeline;
    private final PrintStream log;

    public ScoreBenchmark(Options options, PrintStream log) {
        this.options = options;
        this.pipeline = options.pipeline();
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
            BenchOptions pipeline = options.pipeline();
            switch (args[i]) {
                case "--events" -> options = options.withPipeline(pipeline.withEvents(Long.parseLong(args[++i])));
                case "--model" -> options = options.withModel(Path.of(args[++i]));
                case "--no-jmh" -> options = options.withJmh(false);
                case "--latency-duration" -> options = options.withPipeline(pipeline.withLatency(
                        pipeline.latencyRate(), Duration.ofSeconds(Long.parseLong(args[++i]))));
                case "--latency-rate" -> options = options.withPipeline(pipeline.withLatency(
                        Double.parseDouble(args[++i]), pipeline.latencyDuration()));
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
        log.printf("Generating %,d simulated records (seed %d)...%n", pipeline.events(), pipeline.seed());
        List<SimulatedRecord> records = pipeline.simulatedRecords();
        List<SimulatedRecord> warmUp = records.subList(0, Math.min(records.size(),
                Math.max(1_000, Math.min(records.size() / 5, 20_000))));
        long events = records.size();
        Set<String> tenants = new LinkedHashSet<>();
        records.forEach(r -> tenants.add(r.tenantId()));

        try (ScratchDirectory work = ScratchDirectory.create("autopilot-bench-score-")) {
            Path modelDir = options.model();
            if (modelDir == null) {
                log.printf("Training a benchmark model: %d trees of depth %d...%n", options.trees(), options.depth());
                modelDir = BenchModels.train(options.trees(), options.depth(), pipeline.seed(),
                        work.path().resolve("model"));
            }
            ModelArtifact model = ModelArtifacts.fromDirectory(modelDir);
            LeadScoringConfig config = LeadScoringConfig.defaults().withDefaultModel(model);
            List<ControlMessage> announcements = announceDefault(tenants, model, modelDir.toUri().toString());

            EndToEndRun measured;
            try (HeapSampler heap = new HeapSampler();
                 BenchRig rig = BenchRig.start(pipeline, work.path().resolve("checkpoints"))) {
                List<String> topics = new ArrayList<>(List.of(EVENTS_TOPIC, WARM_UP_TOPIC, LATENCY_TOPIC,
                        BaselinePipeline.OUTPUT_TOPIC));
                for (String run : List.of("run", "warm-up", "latency")) {
                    topics.addAll(outputTopics(run).values());
                }
                rig.createTopics(topics);
                log.printf("Loading them into %s...%n", EVENTS_TOPIC);
                rig.produceAll(EVENTS_TOPIC, records);
                rig.produceAll(WARM_UP_TOPIC, warmUp);
                PhaseTimer timer = new PhaseTimer(rig, "bench-score", RUN_TIMEOUT, CLOCK_PERIOD)
                        .withCounters(SCORING_COUNTERS);

                log.printf("Warming up both jobs on %,d records...%n", warmUp.size());
                runScoring(rig, timer, WARM_UP_TOPIC, "warm-up", config, announcements);
                runBaseline(rig, timer, WARM_UP_TOPIC, "bench-score-warm-up-baseline");

                log.println("Running ingestion and scoring over them...");
                Phase scoring = runScoring(rig, timer, EVENTS_TOPIC, "run", config, announcements);
                report(scoring, events);
                log.printf("  %,d predictions, %,d explanations (%,d scores emitted, %,d tier changes)%n",
                        scoring.counter(ScoringMetrics.PREDICTIONS), scoring.counter(ScoringMetrics.EXPLANATIONS),
                        scoring.counter(ScoringMetrics.SCORES_EMITTED), scoring.counter(ScoringMetrics.TIER_CHANGES));

                log.println("Running the baseline over the same bytes...");
                Phase baseline = runBaseline(rig, timer, EVENTS_TOPIC, "bench-score-baseline");
                report(baseline, events);

                log.printf("Measuring event-to-score latency at %,.0f events/s for %ds...%n", pipeline.latencyRate(),
                        pipeline.latencyDuration().toSeconds());
                LatencyRecorder latency = measureLatency(rig, records, config, announcements);
                log.printf("  p50 %.0f ms, p99 %.0f ms over %,d scores%n", latency.percentile(50),
                        latency.percentile(99), latency.samples());
                measured = EndToEndRun.of(events, scoring, baseline, warmUp.size(), latency, heap, pipeline);
            }
            ScorerJmh.Result jmh = null;
            if (options.jmh()) {
                log.println("Measuring ns per prediction and per explanation with JMH...");
                jmh = ScorerJmh.run(ScorerJmh.Options.quick().withModel(modelDir));
                log.printf("  %.0f ns per prediction, %.0f ns per explanation (%.0fx; TreeSHAP itself %.0f ns)%n",
                        jmh.nsPerPrediction(), jmh.nsPerExplanation(), jmh.explainPerPredict(), jmh.nsPerTreeShap());
            }
            return new Result(measured, jmh, model.version + " (" + model.source + ")");
        }
    }

    private void report(Phase phase, long events) {
        log.printf("  %s%n", phase.throughputSummary(events));
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

    private static Phase runScoring(BenchRig rig, PhaseTimer timer, String eventsTopic, String run,
                                    LeadScoringConfig config, List<ControlMessage> announcements) {
        JobSettings settings = settings(rig, eventsTopic, run);
        // The clock stops at the last profile scored: what follows is the end of input's decay, below.
        return timer.time(IngestionMetrics.EVENTS_IN, ScoringMetrics.PROFILES_IN,
                env -> defineScoring(env, settings, run, config, announcements, true));
    }

    private static Phase runBaseline(BenchRig rig, PhaseTimer timer, String eventsTopic, String name) {
        return timer.time(BaselinePipeline.RECORDS_IN, BaselinePipeline.RECORDS_OUT,
                env -> rig.defineBaseline(env, eventsTopic, name));
    }

    private static JobSettings settings(BenchRig rig, String eventsTopic, String run) {
        Map<String, String> topics = outputTopics(run);
        return rig.jobSettings(eventsTopic, topics.get(Topics.LEAD_PROFILES), topics.get(Topics.DEAD_LETTER),
                "bench-score-" + run);
    }

    /**
     * Tells each tenant the default model, at the default's own version: that exercises the announcement path without
     * a bulk rescore, and gives the job's control stream the record it needs.
     */
    public static List<ControlMessage> announceDefault(Collection<String> tenants, ModelArtifact model, String uri) {
        List<ControlMessage> announcements = new ArrayList<>();
        for (String tenant : tenants) {
            announcements.add(ControlMessage.of(ModelAnnouncement.byUri(tenant, model.name, model.version, uri,
                    Instant.now())));
        }
        return announcements;
    }

    /** The lead-intelligence job with scoring, the way the job wires it. */
    private static void defineScoring(StreamExecutionEnvironment env, JobSettings settings, String run,
                                      LeadScoringConfig config, List<ControlMessage> announcements, boolean bounded) {
        defineScoring(env, settings, outputTopics(run), config, announcements, bounded);
    }

    /**
     * The lead-intelligence job with scoring, the way the job wires it, writing scores and tier changes to the
     * {@link Topics#LEAD_SCORES} and {@link Topics#SCORE_CHANGES} entries of {@code topics}.
     */
    public static void defineScoring(StreamExecutionEnvironment env, JobSettings settings, Map<String, String> topics,
                                     LeadScoringConfig config, List<ControlMessage> announcements, boolean bounded) {
        IngestionStreams ingestion = BenchRig.defineIngestion(env, settings, bounded);
        LeadScoringStreams scoring = LeadScoringPipeline.attach(ingestion.profiles(),
                LeadScoringPipeline.controlMessages(env, ControlMessagesSource.of(announcements), null,
                        Topics.MODELS, Topics.CONTROL), config);
        LeadIntelligenceJob.attachSinks(new IngestionStreams(ingestion.events(), ingestion.profiles(),
                        ingestion.deadLetters().union(scoring.deadLetters())),
                OutputSinks.leadProfiles(settings.profilesTopic(), settings.sinkSettings()),
                OutputSinks.deadLetters(settings.deadLetterTopic(), settings.sinkSettings()));
        LeadScoringPipeline.attachSinks(scoring,
                ScoringKafka.leadScores(topics.get(Topics.LEAD_SCORES), settings.sinkSettings()),
                ScoringKafka.scoreChanges(topics.get(Topics.SCORE_CHANGES), settings.sinkSettings()));
    }

    private static LatencyRecorder measureLatency(BenchRig rig, List<SimulatedRecord> records,
                                                  LeadScoringConfig config, List<ControlMessage> announcements)
            throws InterruptedException {
        JobSettings settings = settings(rig, LATENCY_TOPIC, "latency");
        StreamExecutionEnvironment env = rig.environment(settings);
        defineScoring(env, settings, "latency", config, announcements, false);
        // rescores from decay timers answer no event: they carry no trigger event id
        return new LatencyPhase(rig, LATENCY_TOPIC).measure(env, "bench-score-latency",
                outputTopics("latency").get(Topics.LEAD_SCORES),
                value -> Json.read(value, LeadScore.class).triggerEventId(), records);
    }
}
