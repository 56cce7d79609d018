package com.crmautopilot.jobs.scoring;

import com.crmautopilot.jobs.IngestionSettings;
import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.models.control.ModelAnnouncement;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.output.ScoreHistoryEntry;
import com.crmautopilot.models.scoring.Tier;
import com.crmautopilot.operators.ingest.RecordsSource;
import com.crmautopilot.operators.metrics.InProcessCounters;
import com.crmautopilot.operators.scoring.ControlDecoder;
import com.crmautopilot.operators.scoring.ControlMessage;
import com.crmautopilot.operators.scoring.LeadScoringConfig;
import com.crmautopilot.operators.scoring.ModelArtifact;
import com.crmautopilot.operators.scoring.ScoringMetrics;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.truth.LeadTruth;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lead scoring end to end on a MiniCluster (parallelism 2, RocksDB, no Kryo, no generated uids): a simulated history
 * goes through the ingestion pipeline and then scoring, with a default model from the start and a second model
 * announced for one tenant while the job runs. The models were trained on the profiles of another simulated history.
 */
class LeadScoringPipelineTest {

    private static final Logger LOG = LoggerFactory.getLogger(LeadScoringPipelineTest.class);
    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .setConfiguration(InProcessCounters.enable(jobConfiguration()))
            .build());

    /**
     * Two models trained on the profiles this pipeline's own ingestion built from another simulated history. Run
     * from the test, not from a {@code @BeforeAll}: the cluster's environment is in place only for tests.
     */
    private static List<ModelArtifact> trainOnAnotherHistory() throws Exception {
        long start = System.nanoTime();
        SimulatedHistory training = SimulatedHistory.of(SimulatorConfig.builder().seed(7).days(60).tenants(2)
                .leadsPerTenant(400).repsPerTenant(4).accountsPerTenant(60).campaignsPerTenant(3).build());
        LOG.info("Simulated {} training records in {} ms", training.records().size(), (System.nanoTime() - start) / 1_000_000);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration());
        env.setParallelism(PARALLELISM);
        List<LeadProfile> history;
        try (BoundedRun run = new BoundedRun()) {
            var profiles = run.collect(LeadIntelligenceJob.defineIngestion(env, RecordsSource.of(training.records()),
                    IngestionSettings.defaults()).profiles());
            run.run(env, "training-history");
            history = profiles.values();
        }
        LOG.info("Built {} training profiles after {} ms", history.size(), (System.nanoTime() - start) / 1_000_000);
        List<ModelArtifact> models = List.of(training.train(history, 1), training.train(history, 2));
        LOG.info("Trained two models after {} ms", (System.nanoTime() - start) / 1_000_000);
        return models;
    }

    @Test
    void scoresEveryLeadDecaysThemAndMovesConvertersUpTheTiers() throws Exception {
        List<ModelArtifact> models = trainOnAnotherHistory();
        ModelArtifact defaultModel = models.get(0);
        ModelArtifact announcedModel = models.get(1);
        assertThat(announcedModel.version).isNotEqualTo(defaultModel.version);
        long start = System.nanoTime();
        SimulatedHistory world = SimulatedHistory.of(SimulatorConfig.builder().seed(11).days(60).tenants(2)
                .leadsPerTenant(300).repsPerTenant(4).accountsPerTenant(60).campaignsPerTenant(3).build());
        ControlDecoder decoder = new ControlDecoder();
        decoder.open();
        List<ControlMessage> announcements = List.of(
                ControlMessage.of(ModelAnnouncement.inline("t1", "lead-score", announcedModel.version,
                        announcedModel.modelJson, announcedModel.modelUbj, world.config().start())));
        List<ControlMessage> commands = List.of(
                decoder.decodeCommand("{\"type\": \"rescore\"}".getBytes(StandardCharsets.UTF_8), "crm.control", 0, 5));
        InProcessCounters.reset();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration());
        env.setParallelism(PARALLELISM);
        assertThat(env.getConfig().getSerializerConfig().hasGenericTypesDisabled()).isTrue();
        assertThat(env.getConfig().hasAutoGeneratedUIDsEnabled()).isFalse();
        IngestionStreams ingestion = LeadIntelligenceJob.defineIngestion(env, RecordsSource.of(world.records()),
                IngestionSettings.defaults());
        LeadScoringStreams scoring = LeadScoringPipeline.attach(ingestion.profiles(),
                LeadScoringPipeline.controlMessages(env, ControlMessagesSource.of(announcements),
                        ControlMessagesSource.of(commands), "ai.models", "crm.control"),
                LeadScoringConfig.defaults().withDefaultModel(defaultModel));
        LOG.info("Simulated {} records in {} ms", world.records().size(), (System.nanoTime() - start) / 1_000_000);
        List<LeadScore> scores;
        List<ScoreChange> changes;
        List<DeadLetter> deadLetters;
        List<LeadProfile> profiles;
        try (BoundedRun run = new BoundedRun()) {
            var scoresOut = run.collect(scoring.scores());
            var changesOut = run.collect(scoring.changes());
            var deadLettersOut = run.collect(scoring.deadLetters());
            var profilesOut = run.collect(ingestion.profiles());
            start = System.nanoTime();
            run.run(env, "lead-scoring-pipeline-test");
            LOG.info("Scoring pipeline ran in {} ms", (System.nanoTime() - start) / 1_000_000);
            scores = scoresOut.values();
            changes = changesOut.values();
            deadLetters = deadLettersOut.values();
            profiles = profilesOut.values();
        }
        Map<String, List<LeadScore>> byLead = scores.stream().collect(Collectors.groupingBy(s -> s.tenantId() + ":" + s.leadId()));
        Map<String, LeadTruth> truth = world.leadsByKey();

        // scores for every lead that was ever open: each reader of the bounded source starts at its own point of the
        // history, so a lead whose conversion is read before its creation is closed from its first profile on
        Set<String> everOpen = profiles.stream().filter(p -> !LeadProfile.STATUS_CONVERTED.equals(p.status())
                        && !LeadProfile.STATUS_DISQUALIFIED.equals(p.status()))
                .map(p -> p.tenantId() + ":" + p.leadId()).collect(Collectors.toSet());
        assertThat(byLead.keySet()).isEqualTo(everOpen);
        assertThat(truth.keySet()).containsAll(everOpen);
        assertThat(everOpen.size()).isGreaterThan(truth.size() * 9 / 10);

        // one model per tenant at a time: t1 moves from the default model to the announced one, never back
        assertThat(scores).filteredOn(s -> s.tenantId().equals("t2"))
                .allSatisfy(s -> assertThat(s.modelVersion()).isEqualTo(defaultModel.version));
        assertThat(scores).filteredOn(s -> s.tenantId().equals("t1")).extracting(LeadScore::modelVersion)
                .contains(announcedModel.version);
        byLead.values().forEach(leadScores -> {
            List<String> versions = longestHistory(leadScores).stream().map(ScoreHistoryEntry::modelVersion).toList();
            int firstAnnounced = versions.indexOf(announcedModel.version);
            if (firstAnnounced >= 0) {
                assertThat(versions.subList(firstAnnounced, versions.size())).containsOnly(announcedModel.version);
            }
        });

        // history bounded, and long enough to be bounded: quiet leads decay a day at a time
        assertThat(scores).allSatisfy(s -> assertThat(s.history()).hasSizeBetween(1, 50)
                .last().extracting(ScoreHistoryEntry::score).isEqualTo(s.score()));
        assertThat(scores).extracting(s -> s.history().size()).contains(50);
        // (when the announcement lands before t1's first lead, there is nothing to swap: harness tests cover swaps)
        assertThat(scores).extracting(LeadScore::trigger).contains("time_decay", "lead.created", "window_expiry");

        // tier changes that agree with the truth. Against each lead's hidden conversion probability (the
        // simulator's oracle): leads that reach the hot tier have a much higher one, and scores rank leads by it.
        Map<String, Double> trueP = truth.entrySet().stream().filter(e -> byLead.containsKey(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().conversionProbability()));
        Set<String> reachedHot = byLead.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(s -> s.tier() == Tier.HOT))
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        double hotP = trueP.entrySet().stream().filter(e -> reachedHot.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).average().orElse(0);
        double otherP = trueP.entrySet().stream().filter(e -> !reachedHot.contains(e.getKey()))
                .mapToDouble(Map.Entry::getValue).average().orElse(0);
        List<double[]> meanScoreAndP = new ArrayList<>();
        trueP.forEach((key, p) -> meanScoreAndP.add(new double[]{
                byLead.get(key).stream().mapToInt(LeadScore::score).average().orElseThrow(), p}));
        double rankCorrelation = spearman(meanScoreAndP);
        // And against outcomes, among leads whose outcome is known: converters reach hot more often.
        Map<String, LeadTruth> decided = truth.entrySet().stream()
                .filter(e -> byLead.containsKey(e.getKey()) && (e.getValue().converted() || e.getValue().disqualified()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        double convertersHot = shareReachingHot(byLead, decided, true);
        double disqualifiedHot = shareReachingHot(byLead, decided, false);
        // The hot tier holds a few percent of leads, so a share reaching it moves with a handful of leads; the mean
        // score before the outcome is the steadier comparison.
        double convertersBest = meanScoreBeforeOutcome(byLead, decided, true);
        double disqualifiedBest = meanScoreBeforeOutcome(byLead, decided, false);
        LOG.info("True p of leads reaching hot {} vs {}; Spearman(mean score, p) {}; reached hot: {} of {} converters,"
                + " {} of the disqualified; mean score before the outcome {} vs {}", hotP, otherP, rankCorrelation,
                convertersHot, decided.values().stream().filter(LeadTruth::converted).count(), disqualifiedHot,
                convertersBest, disqualifiedBest);
        assertThat(hotP).isGreaterThan(1.3 * otherP);
        assertThat(rankCorrelation).isGreaterThan(0.25);
        assertThat(convertersBest).isGreaterThan(disqualifiedBest + 5);
        assertThat(changes).allSatisfy(c -> assertThat(c.newTier()).isNotEqualTo(c.oldTier()));
        Set<String> upgradedToHot = changes.stream().filter(c -> c.newTier() == Tier.HOT)
                .map(c -> c.tenantId() + ":" + c.leadId()).collect(Collectors.toSet());
        assertThat(upgradedToHot).isNotEmpty();

        // dead letters: the malformed command once, nothing else
        assertThat(deadLetters).extracting(DeadLetter::reason).containsExactly(DeadLetterReason.MISSING_FIELD);

        // one timer per lead: every timer fired or was deleted, none fired that was not the lead's current one,
        // and every lead was dropped in the end (converted, disqualified, or after its retention)
        Map<String, Long> counts = awaitCounters(c -> c.getOrDefault(ScoringMetrics.LEADS_RELEASED, 0L) >= everOpen.size());
        LOG.info("Scoring counters: {}", counts);
        assertThat(counts.get(ScoringMetrics.STALE_TIMER_FIRINGS)).isZero();
        assertThat(counts.get(ScoringMetrics.TIMERS_REGISTERED))
                .isEqualTo(counts.get(ScoringMetrics.TIMERS_FIRED) + counts.get(ScoringMetrics.TIMERS_DELETED));
        assertThat(counts.get(ScoringMetrics.LEADS_RELEASED)).isEqualTo(everOpen.size());
        assertThat(counts.get(ScoringMetrics.SCORES_EMITTED)).isEqualTo(scores.size());
        assertThat(counts.get(ScoringMetrics.EXPLANATIONS)).isEqualTo(scores.size());
        assertThat(counts.get(ScoringMetrics.PREDICTIONS)).isGreaterThan(scores.size());
    }

    private static double shareReachingHot(Map<String, List<LeadScore>> byLead, Map<String, LeadTruth> truth,
                                           boolean converters) {
        List<String> group = truth.entrySet().stream().filter(e -> e.getValue().converted() == converters)
                .map(Map.Entry::getKey).toList();
        long hot = group.stream().filter(key -> byLead.getOrDefault(key, List.of()).stream()
                .anyMatch(s -> s.tier() == Tier.HOT)).count();
        return group.isEmpty() ? 0 : hot / (double) group.size();
    }

    private static double meanScoreBeforeOutcome(Map<String, List<LeadScore>> byLead,
                                                     Map<String, LeadTruth> truth, boolean converters) {
        return truth.entrySet().stream().filter(e -> e.getValue().converted() == converters)
                .mapToDouble(e -> {
                    java.time.Instant outcome = converters ? e.getValue().convertedAt() : e.getValue().disqualifiedAt();
                    return byLead.getOrDefault(e.getKey(), List.of()).stream()
                            .filter(s -> outcome == null || s.scoredAt().isBefore(outcome))
                            .mapToInt(LeadScore::score).average().orElse(0);
                })
                .average().orElse(0);
    }

    private static double spearman(List<double[]> pairs) {
        double[] x = ranks(pairs.stream().mapToDouble(p -> p[0]).toArray());
        double[] y = ranks(pairs.stream().mapToDouble(p -> p[1]).toArray());
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Ranks from 1, ties sharing their mean rank. */
    private static double[] ranks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return ranks;
    }

    private static List<ScoreHistoryEntry> longestHistory(List<LeadScore> scores) {
        return scores.stream().max(Comparator.comparing((LeadScore s) -> s.history().size())
                .thenComparing(LeadScore::scoredAt)).orElseThrow().history();
    }

    /** The job's own settings, plus RocksDB: the state backend comes from configuration, as on clusters. */
    private static Configuration jobConfiguration() {
        Configuration configuration = LeadIntelligenceJob.jobConfiguration(JobSettings.defaults());
        configuration.set(StateBackendOptions.STATE_BACKEND, "rocksdb");
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return configuration;
    }

    /** Counters of finished tasks are handed over as the tasks close, which may trail the job's end a little. */
    private static Map<String, Long> awaitCounters(Function<Map<String, Long>, Boolean> done)
            throws InterruptedException {
        Map<String, Long> counts = InProcessCounters.totals();
        for (int attempt = 0; attempt < 100 && !done.apply(counts); attempt++) {
            Thread.sleep(50);
            counts = InProcessCounters.totals();
        }
        return counts;
    }
}
