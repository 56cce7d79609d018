package com.crmautopilot.cli.bench.suggest;

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
import com.crmautopilot.cli.bench.score.ScoreBenchmark;
import com.crmautopilot.cli.runtime.CommittedTopic;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.suggest.SuggestionCounter;
import com.crmautopilot.jobs.suggest.SuggestionDeliveryJob;
import com.crmautopilot.jobs.suggest.SuggestionDeliverySettings;
import com.crmautopilot.jobs.suggest.SuggestionDeliverySources;
import com.crmautopilot.models.Topics;
import com.crmautopilot.models.config.ConfigDocuments;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.ShippedModels;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import com.crmautopilot.operators.scoring.ControlMessage;
import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.ModelArtifact;
import com.crmautopilot.operators.scoring.ModelArtifacts;
import com.crmautopilot.operators.scoring.ScoringMetrics;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.sinks.kafka.OutputSinks;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code bench suggest}: the suggestion-delivery job (validation, dedupe, the fourteen triggers, the suggestion
 * engine, delivery) over N simulated records through the embedded broker, beside the bare baseline and the
 * lead-intelligence ingestion job over the same bytes, then end-to-end latency from producing a triggering event to
 * its suggestion becoming visible to a {@code read_committed} consumer of {@code ai.suggestions}.
 *
 * <p>Bench settings, printed with the figures: {@code stale_account}'s CEP sees event time in steps of one day
 * instead of one hour ({@code evaluation_step: 1d}), because a replay crosses months of event time in seconds. No
 * user has an email address or a Slack webhook, so only in-app notifications and {@code ai.suggestions} are written;
 * daily digests, having no recipient, are dead-lettered without any SMTP call. The measured runs read empty score
 * topics, as {@code bench ingest} scores nothing. A further run reads the scores and tier changes that the
 * lead-intelligence job, with the shipped model, made from the same records: the suggestions by trigger come from
 * it, so all fourteen triggers are counted, and its events/s is reported beside the others.
 *
 * <p>Fairness, as in {@code bench ingest}: the suggestion job and the ingestion job read the same topic at the same
 * parallelism with the same checkpointing, and are measured after the same two warm-up rounds of both over (up to)
 * 50,000 of the records. Each is then measured twice, in the order ingestion, suggestion, suggestion, ingestion, and
 * its figures are the mean of its two runs (both runs' events/s are in the JSON).
 *
 * <p>Latency: probe deals woven into the simulated stream (one per {@value #PROBE_EVERY} records) are created and
 * then given a competitor; {@code competitor_detected} fires on that event, so its produce time is the start.
 */
public final class SuggestBenchmark {

    /**
     * As many records as {@code bench ingest} replays by default, so the two jobs' events/s compare over the same
     * workload. Over 200,000 the JIT was still compiling through the whole measured run (a fifth of the job's CPU);
     * a Flink job runs for days, and a million records is closer to what it meets there.
     */
    public static BenchOptions defaults() {
        return BenchOptions.defaults(1_000_000, 500);
    }

    static final int PROBE_EVERY = 25;
    static final String BENCH_SETTINGS = "stale_account evaluation_step 1d (replay); no email or Slack addresses, so"
            + " in-app and ai.suggestions only, digests dead-lettered for want of a recipient; measured runs read empty"
            + " score topics; by_trigger comes from a run over the shipped model's scores of the same records;"
            + " peak heap is the whole bench's, the scoring run included";
    private static final String PROBE_OWNER = "bench-probe-rep";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(30);
    private static final Duration CLOCK_PERIOD = Duration.ofMillis(10);
    private static final String EVENTS_TOPIC = "bench.suggest-events";
    private static final String WARM_UP_TOPIC = "bench.suggest-warm-up-events";
    private static final String LATENCY_TOPIC = "bench.suggest-latency-events";
    private static final int WARM_UP_MAX = 50_000;
    private static final int WARM_UP_ROUNDS = 2;
    private static final String SECOND_RUN = "run-2";
    private static final String SCORED_RUN = "scored";

    /**
     * The shared figures, plus what the job suggested.
     *
     * @param ingestEventsPerSecond the lead-intelligence ingestion over the same records (the mean of its two runs),
     *                              for the spec's "at least half of bench ingest"
     * @param runsEventsPerSecond   each of the suggestion job's two measured runs, in order
     * @param ingestRunsEventsPerSecond each of the ingestion job's two measured runs, in order
     * @param scoredEventsPerSecond the suggestion job over the same records and their scores (one run)
     * @param byTrigger             distinct active suggestions per trigger type in the run with scores
     * @param statuses              suggestion records by status (active, suppressed, withdrawn) in that run
     * @param inapp                 in-app notifications committed in that run
     */
    public record Result(EndToEndRun measured, double ingestEventsPerSecond, List<Double> runsEventsPerSecond,
                         List<Double> ingestRunsEventsPerSecond, double scoredEventsPerSecond,
                         Map<String, Long> byTrigger, Map<String, Long> statuses, long inapp, int probes) {

        public Map<String, Object> toJson() {
            long events = measured.events();
            return measured.toJson(json -> {
                json.put("wall_s", Rounded.toThousandths(measured.job().wallSeconds()));
                json.put("ingest_events_per_s", Rounded.toTenths(ingestEventsPerSecond));
                json.put("ratio_to_ingest", Rounded.toThousandths(measured.eventsPerSecond() / ingestEventsPerSecond));
                json.put("runs_events_per_s", runsEventsPerSecond.stream().map(Rounded::toTenths).toList());
                json.put("ingest_runs_events_per_s",
                        ingestRunsEventsPerSecond.stream().map(Rounded::toTenths).toList());
                json.put("scored_events_per_s", Rounded.toTenths(scoredEventsPerSecond));
                json.put("suggestions", byTrigger.values().stream().mapToLong(Long::longValue).sum());
                json.put("suggestion_records_by_status", statuses);
                json.put("inapp_notifications", inapp);
                json.put("by_trigger", byTrigger);
                Map<String, Double> perThousand = new TreeMap<>();
                byTrigger.forEach((type, count) -> perThousand.put(type, Rounded.toThousandths(count * 1000.0 / events)));
                json.put("per_1k_events_by_trigger", perThousand);
                json.put("latency_probes", probes);
                json.put("latency_trigger", TriggerType.COMPETITOR_DETECTED.wireName());
                json.put("bench_settings", BENCH_SETTINGS);
            });
        }
    }

    private final BenchOptions options;
    private final PrintStream log;

    public SuggestBenchmark(BenchOptions options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    public Result run() throws Exception {
        log.printf("Generating %,d simulated records (seed %d)...%n", options.events(), options.seed());
        List<SimulatedRecord> records = options.simulatedRecords();
        List<SimulatedRecord> warmUp = records.subList(0, Math.min(records.size(), WARM_UP_MAX));
        long events = records.size();
        Set<String> tenants = new TreeSet<>();
        records.forEach(r -> tenants.add(r.tenantId()));

        try (ScratchDirectory work = ScratchDirectory.create("autopilot-bench-suggest-");
             HeapSampler heap = new HeapSampler();
             BenchRig rig = BenchRig.start(options, work.path().resolve("checkpoints"))) {
            Path conf = benchConf(work.path().resolve("conf"));
            List<String> topics = new java.util.ArrayList<>(List.of(EVENTS_TOPIC, WARM_UP_TOPIC, LATENCY_TOPIC,
                    com.crmautopilot.cli.bench.BaselinePipeline.OUTPUT_TOPIC, ingestTopic("run", "profiles"),
                    ingestTopic("run", "dead-letter"), ingestTopic(SECOND_RUN, "profiles"),
                    ingestTopic(SECOND_RUN, "dead-letter")));
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                topics.addAll(outputTopics(warmUpRun(round)).values());
                topics.addAll(List.of(ingestTopic(warmUpRun(round), "profiles"),
                        ingestTopic(warmUpRun(round), "dead-letter")));
            }
            for (String run : List.of("run", SECOND_RUN, SCORED_RUN, "latency")) {
                topics.addAll(outputTopics(run).values());
            }
            topics.addAll(List.of(ingestTopic(SCORED_RUN, "profiles"), ingestTopic(SCORED_RUN, "dead-letter")));
            rig.createTopics(topics);
            log.printf("Loading them into %s...%n", EVENTS_TOPIC);
            rig.produceAll(EVENTS_TOPIC, records);
            rig.produceAll(WARM_UP_TOPIC, warmUp);
            PhaseTimer timer = new PhaseTimer(rig, "bench-suggest", RUN_TIMEOUT, CLOCK_PERIOD).withCpuByThread();

            // As in bench ingest: both jobs share the JIT-compiled Kafka, Flink, RocksDB and validation code, and
            // each one's types deoptimize the other's call sites. Warming up only the suggestion job let the
            // ingestion job, measured after it, run on code the suggestion job had paid to compile; one short
            // round left the single C2 thread of a 2-core machine seconds behind, compiling through the measured
            // run. Two rounds of both, so each is measured on compiled code.
            for (int round = 1; round <= WARM_UP_ROUNDS; round++) {
                log.printf("Warming up both jobs on %,d records (round %d of %d)...%n", warmUp.size(), round,
                        WARM_UP_ROUNDS);
                runSuggest(rig, timer, WARM_UP_TOPIC, warmUpRun(round), conf);
                runIngestion(rig, timer, WARM_UP_TOPIC, warmUpRun(round));
            }

            // Counterbalanced, ingestion, suggestion, suggestion, ingestion: whichever job runs later finds more of
            // the shared Kafka, Flink and validation code compiled (measured after the suggestion job, ingestion ran at
            // 70,000 events/s; before it, at 60,000), so each job's figure is the mean of an early and a late run.
            Phase ingestion1 = runIngestionLogged(rig, timer, "run", events);
            Phase job1 = runSuggestLogged(rig, timer, "run", conf, events);
            Phase job2 = runSuggestLogged(rig, timer, SECOND_RUN, conf, events);
            Phase ingestion2 = runIngestionLogged(rig, timer, SECOND_RUN, events);
            Phase job = Phase.meanOf(job1, job2);
            Phase ingestion = Phase.meanOf(ingestion1, ingestion2);
            log.printf("Mean of the two runs: suggestion %s; ingestion %s%n", job.throughputSummary(events),
                    ingestion.throughputSummary(events));
            log.println(cpuByThread(job, events));

            log.println("Running the baseline over the same bytes...");
            Phase baseline = timer.time(com.crmautopilot.cli.bench.BaselinePipeline.RECORDS_IN,
                    com.crmautopilot.cli.bench.BaselinePipeline.RECORDS_OUT,
                    env -> rig.defineBaseline(env, EVENTS_TOPIC, "bench-suggest-baseline"));
            log.printf("  %s%n", baseline.throughputSummary(events));

            log.printf("  by trigger without scores: %s%n", written(rig, "run").byTrigger());

            log.println("Scoring the same records (the lead-intelligence job with the shipped model), for the"
                    + " triggers that read scores...");
            Phase scoring = timer.time(IngestionMetrics.EVENTS_IN, ScoringMetrics.PROFILES_IN,
                    env -> defineScoring(rig, env, tenants));
            log.printf("  %s%n", scoring.throughputSummary(events));
            Phase scored = runSuggestLogged(rig, timer, SCORED_RUN, conf, events);
            Written written = written(rig, SCORED_RUN);
            log.printf("  by trigger: %s%n", written.byTrigger());

            List<SimulatedRecord> paced = CompetitorProbes.weave(records, PROBE_EVERY, PROBE_OWNER);
            log.printf("Measuring event-to-suggestion latency at %,.0f events/s for %ds (one competitor probe per %d"
                    + " records)...%n", options.latencyRate(), options.latencyDuration().toSeconds(), PROBE_EVERY);
            LatencyRecorder latency = measureLatency(rig, conf, paced);
            log.printf("  p50 %.0f ms, p99 %.0f ms over %,d suggestions%n", latency.percentile(50),
                    latency.percentile(99), latency.samples());
            long produced = Math.min(paced.size(), (long) (options.latencyRate() * options.latencyDuration().toSeconds()));
            int probeCount = (int) paced.subList(0, (int) produced).stream()
                    .filter(r -> CompetitorProbes.isProbe(r.eventId()) && !r.eventId().endsWith("-created")).count();
            return new Result(EndToEndRun.of(events, job, baseline, warmUp.size(), latency, heap, options),
                    ingestion.perSecond(events), List.of(job1.perSecond(events), job2.perSecond(events)),
                    List.of(ingestion1.perSecond(events), ingestion2.perSecond(events)), scored.perSecond(events),
                    written.byTrigger(), written.statuses(), written.inapp(), probeCount);
        }
    }

    /** What one run committed: distinct active suggestions by trigger, suggestion records by status, in-app count. */
    private record Written(Map<String, Long> byTrigger, Map<String, Long> statuses, long inapp) {
    }

    private static Written written(BenchRig rig, String run) {
        Map<String, Long> byTrigger = new TreeMap<>();
        Map<String, Long> statuses = new TreeMap<>();
        Set<String> active = new HashSet<>();
        Map<String, String> topics = outputTopics(run);
        CommittedTopic.readValues(rig.kafka().bootstrapServers(), topics.get(SuggestionDeliverySettings.SUGGESTIONS),
                value -> {
                    Suggestion s = Json.read(value, Suggestion.class);
                    statuses.merge(s.status(), 1L, Long::sum);
                    if (Suggestion.ACTIVE.equals(s.status()) && active.add(s.suggestionId())) {
                        byTrigger.merge(s.triggerType(), 1L, Long::sum);
                    }
                });
        long[] inapp = {0};
        CommittedTopic.readValues(rig.kafka().bootstrapServers(),
                topics.get(SuggestionDeliverySettings.NOTIFICATIONS_INAPP), value -> inapp[0]++);
        return new Written(byTrigger, statuses, inapp[0]);
    }

    /**
     * The lead-intelligence job with scoring (the shipped model) over the events, writing scores and tier changes
     * where the scored suggestion run reads them.
     */
    private static void defineScoring(BenchRig rig, StreamExecutionEnvironment env, Set<String> tenants) {
        JobSettings settings = rig.jobSettings(EVENTS_TOPIC, ingestTopic(SCORED_RUN, "profiles"),
                ingestTopic(SCORED_RUN, "dead-letter"), "bench-suggest-scoring");
        Map<String, String> scored = outputTopics(SCORED_RUN);
        ModelArtifact model = ModelArtifacts.fromLocation(ShippedModels.LEAD_CONVERSION);
        List<ControlMessage> announcements = ScoreBenchmark.announceDefault(tenants, model,
                ShippedModels.LEAD_CONVERSION);
        ScoreBenchmark.defineScoring(env, settings, Map.of(
                        Topics.LEAD_SCORES, scored.get(SuggestionDeliverySettings.LEAD_SCORES),
                        Topics.SCORE_CHANGES, scored.get(SuggestionDeliverySettings.SCORE_CHANGES)),
                LeadScoringConfig.defaults().withDefaultModel(model), announcements, true);
    }

    /** Where the CPU went, by task thread (operators chained into one task share its thread): the top twelve. */
    private static String cpuByThread(Phase phase, long events) {
        StringBuilder top = new StringBuilder("  CPU ms per 1,000 events by thread:");
        phase.cpuByThread().entrySet().stream().limit(12).forEach(e -> top.append(String.format(java.util.Locale.ROOT,
                " %s %.1f;", e.getKey(), e.getValue() * 1e6 / events)));
        return top.toString();
    }

    private Phase runIngestionLogged(BenchRig rig, PhaseTimer timer, String run, long events) {
        log.printf("Running the lead-intelligence ingestion job over them (bench ingest's job, %s)...%n", run);
        Phase phase = runIngestion(rig, timer, EVENTS_TOPIC, run);
        log.printf("  %s%n", phase.throughputSummary(events));
        return phase;
    }

    private Phase runSuggestLogged(BenchRig rig, PhaseTimer timer, String run, Path conf, long events) {
        log.printf("Running the suggestion-delivery job over them (%s)...%n", run);
        Phase phase = runSuggest(rig, timer, EVENTS_TOPIC, run, conf);
        log.printf("  %s, %,d suggestions written%n", phase.throughputSummary(events), phase.outputs());
        return phase;
    }

    private static String warmUpRun(int round) {
        return "warm-up-" + round;
    }

    private static String ingestTopic(String run, String output) {
        return "bench.suggest-ingest-" + run + "-" + output;
    }

    private static Phase runIngestion(BenchRig rig, PhaseTimer timer, String eventsTopic, String run) {
        JobSettings ingest = rig.jobSettings(eventsTopic, ingestTopic(run, "profiles"), ingestTopic(run, "dead-letter"),
                "bench-suggest-ingest-" + run);
        return timer.time(IngestionMetrics.EVENTS_IN, IngestionMetrics.PROFILES_EMITTED, env ->
                LeadIntelligenceJob.attachSinks(BenchRig.defineIngestion(env, ingest, true),
                        OutputSinks.leadProfiles(ingest.profilesTopic(), ingest.sinkSettings()),
                        OutputSinks.deadLetters(ingest.deadLetterTopic(), ingest.sinkSettings())));
    }

    /** The topics of one run, by the job's setting keys. */
    static Map<String, String> outputTopics(String run) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (String key : List.of(SuggestionDeliverySettings.LEAD_SCORES, SuggestionDeliverySettings.SCORE_CHANGES,
                SuggestionDeliverySettings.FEEDBACK, SuggestionDeliverySettings.PREFERENCES,
                SuggestionDeliverySettings.CONTROL, SuggestionDeliverySettings.SUGGESTIONS,
                SuggestionDeliverySettings.NOTIFICATIONS_INAPP, SuggestionDeliverySettings.DEAD_LETTER)) {
            topics.put(key, "bench.suggest-" + run + "-" + key.substring("topics.".length()));
        }
        return topics;
    }

    private SuggestionDeliverySettings settings(BenchRig rig, String eventsTopic, String run, Path conf) {
        Map<String, String> values = new LinkedHashMap<>(outputTopics(run));
        values.put(SuggestionDeliverySettings.EVENTS, eventsTopic);
        values.put("kafka.bootstrap-servers", rig.kafka().bootstrapServers());
        values.put("kafka.group-id", "bench-suggest-" + run);
        values.put("kafka.starting-offsets", "earliest");
        values.put("sink.transactional-id-prefix", "bench-suggest-" + run + "-" + Long.toHexString(System.nanoTime()));
        values.put("checkpoint.interval", rig.checkpointIntervalSetting());
        values.put("conf.dir", conf.toString());
        return SuggestionDeliverySettings.fromMap(values);
    }

    private Phase runSuggest(BenchRig rig, PhaseTimer timer, String eventsTopic, String run, Path conf) {
        SuggestionDeliverySettings settings = settings(rig, eventsTopic, run, conf);
        return timer.time(SuggestionDeliveryJob.EVENTS_IN, SuggestionCounter.SUGGESTIONS_OUT,
                env -> define(env, settings, true));
    }

    private static void define(StreamExecutionEnvironment env, SuggestionDeliverySettings settings, boolean bounded) {
        SuggestionDeliveryJob.defineKafkaPipeline(env, settings, bounded
                        ? SuggestionDeliverySources.boundedKafka(settings) : SuggestionDeliverySources.kafka(settings),
                settings.deliverySettings());
    }

    private LatencyRecorder measureLatency(BenchRig rig, Path conf, List<SimulatedRecord> paced)
            throws InterruptedException {
        SuggestionDeliverySettings settings = settings(rig, LATENCY_TOPIC, "latency", conf);
        StreamExecutionEnvironment env = rig.timedRunEnvironment();
        define(env, settings, false);
        return new LatencyPhase(rig, LATENCY_TOPIC).measure(env, "bench-suggest-latency",
                settings.topic(SuggestionDeliverySettings.SUGGESTIONS), value -> {
                    Suggestion s = Json.read(value, Suggestion.class);
                    return CompetitorProbes.isProbe(s.entityId())
                            && TriggerType.COMPETITOR_DETECTED.wireName().equals(s.triggerType()) ? s.entityId() : null;
                }, paced);
    }

    /** The shipped triggers with the replay's evaluation step, and the shipped templates. */
    static Path benchConf(Path dir) throws IOException {
        Files.createDirectories(dir);
        String triggers = ConfigDocuments.fromClasspath(TriggerCatalog.class, TriggerCatalog.RESOURCE,
                (text, source) -> text);
        String stepped = triggers.replaceFirst("evaluation_step: *1h", "evaluation_step: 1d");
        if (stepped.equals(triggers)) {
            throw new IllegalStateException("the shipped triggers.yaml no longer sets evaluation_step: 1h");
        }
        TriggerCatalog.fromYaml(stepped, "bench triggers.yaml");
        Files.writeString(dir.resolve(TriggerCatalog.RESOURCE), stepped);
        return dir;
    }
}
