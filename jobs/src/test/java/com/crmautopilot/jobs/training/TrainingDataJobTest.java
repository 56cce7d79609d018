package com.crmautopilot.jobs.training;

import com.crmautopilot.jobs.IngestionSettings;
import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.training.CsvImporter;
import com.crmautopilot.models.training.CsvOptions;
import com.crmautopilot.models.training.Dataset;
import com.crmautopilot.operators.ingest.IngestDecoder;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.ingest.RawRecord;
import com.crmautopilot.operators.ingest.RecordsSource;
import com.crmautopilot.operators.training.LabelledSnapshot;
import com.crmautopilot.operators.training.SnapshotCadence;
import com.crmautopilot.operators.training.SnapshotConfig;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.output.SimulationWriter;
import com.crmautopilot.simulator.truth.LeadTruth;
import com.crmautopilot.simulator.truth.TruthFiles;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training-data job in BATCH mode on a MiniCluster, over a small simulated history read from its JSONL file
 * (noise included: out-of-order records, duplicates, malformed lines), checked against the simulator's truth.
 */
class TrainingDataJobTest {

    private static final int PARALLELISM = 2;
    private static final Duration HORIZON = Duration.ofDays(30);
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final int PROBES = 40;

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .setConfiguration(TrainingDataJob.jobConfiguration())
            .build());

    @TempDir
    static Path dir;
    static Map<String, LeadTruth> truth;
    static List<CrmEvent> validEvents;
    static Map<String, Long> endOfData;
    static List<LabelledSnapshot> everyChange;
    static List<LabelledSnapshot> daily;

    @BeforeAll
    static void buildTheTrainingSets() throws Exception {
        SimulatorConfig world = SimulatorConfig.builder().days(90).tenants(2).leadsPerTenant(300).repsPerTenant(4)
                .accountsPerTenant(60).campaignsPerTenant(4).seed(11).build();
        SimulationWriter.Summary summary = SimulationWriter.write(world, dir, (records, fraction) -> {
        });
        truth = TruthFiles.readLeads(summary.truthDir()).stream()
                .collect(Collectors.toMap(lead -> key(lead.tenantId(), lead.leadId()), Function.identity()));
        IngestDecoder decoder = IngestDecoder.withDefaults();
        validEvents = new ArrayList<>();
        for (String line : Files.readAllLines(summary.eventsFile())) {
            Ingested ingested = decoder.decode(line.getBytes(), "file", 0, 0);
            if (ingested.isEvent()) {
                validEvents.add(ingested.event());
            }
        }
        endOfData = validEvents.stream().collect(Collectors.toMap(CrmEvent::tenantId, CrmEvent::timestampMillis,
                Math::max));

        TrainingDataSettings settings = TrainingDataSettings.defaults();
        everyChange = run(summary.eventsFile(), settings.withSnapshots(
                new SnapshotConfig(HORIZON, SnapshotCadence.EVERY_CHANGE)));
        daily = run(summary.eventsFile(), settings);
    }

    @Test
    void labelsEachSnapshotWithTheTruthOfWhetherTheLeadConvertedWithinThirtyDays() {
        int positives = 0;
        for (LabelledSnapshot snapshot : everyChange) {
            LeadTruth lead = truth.get(key(snapshot.tenantId(), snapshot.leadId()));
            Instant horizonEnd = snapshot.at().plus(HORIZON);
            boolean converts = lead.converted() && lead.convertedAt().isAfter(snapshot.at())
                    && !lead.convertedAt().isAfter(horizonEnd);
            assertThat(snapshot.label()).as("%s", snapshot).isEqualTo(converts ? 1 : 0);
            positives += snapshot.label();
        }
        assertThat(everyChange).hasSizeGreaterThan(5_000);
        assertThat((double) positives / everyChange.size()).isBetween(0.05, 0.5);
    }

    @Test
    void takesNoSnapshotAtOrAfterTheLeadConvertedOrWasDisqualified() {
        assertThat(everyChange).allSatisfy(snapshot -> {
            LeadTruth lead = truth.get(key(snapshot.tenantId(), snapshot.leadId()));
            if (lead.convertedAt() != null) {
                assertThat(snapshot.at()).isBefore(lead.convertedAt());
            }
            if (lead.disqualifiedAt() != null) {
                assertThat(snapshot.at()).isBefore(lead.disqualifiedAt());
            }
        });
        long closedLeadsSnapshotted = everyChange.stream()
                .map(s -> truth.get(key(s.tenantId(), s.leadId())))
                .filter(lead -> lead.converted() || lead.disqualified()).distinct().count();
        assertThat(closedLeadsSnapshotted).as("leads that closed and were snapshotted before").isGreaterThan(100);
    }

    @Test
    void leavesOutSnapshotsWhoseHorizonReachesPastTheTenantsEndOfDataAndNoOthers() {
        Map<String, List<LabelledSnapshot>> byTenant = everyChange.stream()
                .collect(Collectors.groupingBy(LabelledSnapshot::tenantId));
        assertThat(byTenant).containsOnlyKeys("t1", "t2");
        byTenant.forEach((tenant, snapshots) -> {
            long cutoff = endOfData.get(tenant) - HORIZON.toMillis();
            long latest = snapshots.stream().mapToLong(s -> s.at().toEpochMilli()).max().orElseThrow();
            assertThat(latest).as(tenant).isLessThanOrEqualTo(cutoff);
            // The cut is at the end of data, not earlier: busy leads leave snapshots within hours of it.
            assertThat(latest).as(tenant).isGreaterThan(cutoff - DAY_MILLIS / 4);
        });
    }

    @Test
    void theDailyCadenceKeepsOneSnapshotForEachLeadAndDayThatHasAny() {
        Map<String, Long> perLeadDay = daily.stream().collect(Collectors.groupingBy(TrainingDataJobTest::leadDay,
                Collectors.counting()));
        assertThat(perLeadDay.values()).containsOnly(1L);
        Set<String> daysWithChanges = everyChange.stream().map(TrainingDataJobTest::leadDay).collect(Collectors.toSet());
        assertThat(perLeadDay.keySet()).containsAll(daysWithChanges);
        assertThat(daily.size()).isLessThan(everyChange.size() * 3 / 4);

        // A day's snapshot is its first change that differs from the last snapshot taken. In every-change mode that
        // reference is the previous change, so the two modes agree on nearly every day; they part only where a
        // change matches the change just before it but not the older daily snapshot (then daily mode has it too).
        Map<String, LabelledSnapshot> firstOfDay = everyChange.stream().collect(Collectors.toMap(
                TrainingDataJobTest::leadDay, Function.identity(),
                (a, b) -> a.at().isBefore(b.at()) ? a : b));
        long same = 0;
        for (LabelledSnapshot snapshot : daily) {
            LabelledSnapshot first = firstOfDay.get(leadDay(snapshot));
            if (first != null && first.at().equals(snapshot.at())) {
                assertThat(snapshot.features()).isEqualTo(first.features());
                assertThat(snapshot.label()).isEqualTo(first.label());
                same++;
            } else if (first != null) {
                assertThat(snapshot.at()).isBefore(first.at());
            }
        }
        assertThat((double) same / daily.size()).isGreaterThan(0.98);
    }

    /**
     * For sampled snapshots, the lead's history is cut at the snapshot time (only events that occurred at or before
     * it, whatever their position in the file) and replayed alone through the same ingestion pipeline: the
     * features as of that time must be exactly the snapshot's. A feature that saw anything later would differ.
     */
    @Test
    void noFeatureEverUsesAnEventAfterItsSnapshotTime() throws Exception {
        Map<String, List<CrmEvent>> byLead = validEvents.stream().filter(e -> e.leadId() != null)
                .collect(Collectors.groupingBy(e -> key(e.tenantId(), e.leadId())));
        List<LabelledSnapshot> sample = new ArrayList<>(everyChange);
        sample.sort(SnapshotDatasets.IN_TIME_ORDER);
        java.util.Collections.shuffle(sample, new Random(5));
        sample = sample.subList(0, PROBES);

        List<RawRecord> probeRecords = new ArrayList<>();
        int withLaterEvents = 0;
        for (int probe = 0; probe < PROBES; probe++) {
            LabelledSnapshot snapshot = sample.get(probe);
            List<CrmEvent> history = byLead.get(key(snapshot.tenantId(), snapshot.leadId()));
            long t = snapshot.at().toEpochMilli();
            List<CrmEvent> upToT = history.stream().filter(e -> e.timestampMillis() <= t)
                    .sorted(Comparator.comparing(CrmEvent::occurredAt)).toList();
            withLaterEvents += upToT.size() < history.size() ? 1 : 0;
            for (CrmEvent event : upToT) {
                probeRecords.add(new RawRecord("probe", 0, probeRecords.size(),
                        Json.writeBytes(inTenant(event, probeTenant(probe)))));
            }
        }
        assertThat(withLaterEvents).as("sampled snapshots whose lead did more afterwards").isGreaterThan(PROBES / 2);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                TrainingDataJob.jobConfiguration());
        IngestionStreams streams = LeadIntelligenceJob.defineIngestion(env, RecordsSource.of(probeRecords),
                IngestionSettings.defaults());
        Map<String, List<LeadProfile>> profiles = new HashMap<>();
        try (CloseableIterator<LeadProfile> out = streams.profiles().executeAndCollect("probes")) {
            out.forEachRemaining(p -> profiles.computeIfAbsent(p.tenantId(), k -> new ArrayList<>()).add(p));
        }

        for (int probe = 0; probe < PROBES; probe++) {
            LabelledSnapshot snapshot = sample.get(probe);
            LeadProfile asOfT = profiles.get(probeTenant(probe)).stream()
                    .filter(p -> !p.asOf().isAfter(snapshot.at()))
                    .max(Comparator.comparingLong(LeadProfile::version)).orElseThrow();
            assertThat(LeadFeatures.from(asOfT, snapshot.at())).as("probe %d: %s", probe, snapshot)
                    .isEqualTo(snapshot.features());
        }
    }

    @Test
    void datasetRowsAreInTimeOrderWithTheirLabelsAndLeads() {
        var data = SnapshotDatasets.toDataset("history", daily, "converts_within_30d", s -> 0.25);

        assertThat(data.size()).isEqualTo(daily.size());
        assertThat(data.times()).isSorted();
        assertThat(data.labelName()).isEqualTo("converts_within_30d");
        assertThat(data.template()).isEqualTo(LeadFeatures.template());
        assertThat(data.columns()).hasSize(LeadFeatures.template().size());
        assertThat(data.trueProbabilities()).containsOnly(0.25);
        assertThat(java.util.Arrays.stream(data.labels()).sum())
                .isEqualTo(daily.stream().mapToInt(LabelledSnapshot::label).sum());
        assertThat(data.ids()).allMatch(id -> id.startsWith("t1:lead-") || id.startsWith("t2:lead-"));
    }

    @Test
    void theJobsMainWritesCsvFilesThatTrainAsTheyAre() throws Exception {
        Path out = dir.resolve("snapshots");

        TrainingDataJob.main(new String[]{"--events", dir.resolve("events.jsonl").toString(), "--out", out.toString()});

        List<Path> files;
        try (var listing = Files.list(out)) {
            files = listing.filter(f -> f.getFileName().toString().matches("snapshots-.*\\.csv")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        int rows = 0;
        int positives = 0;
        for (Path file : files) {
            Dataset part = CsvImporter.read(file, CsvOptions.label(SnapshotCsv.LABEL).id(SnapshotCsv.LEAD)
                    .time(SnapshotCsv.TIME).drop(SnapshotCsv.TENANT, SnapshotCsv.VERSION).build());
            assertThat(part.columns()).extracting(c -> c.name()).containsExactlyElementsOf(LeadFeatures.template().names()
                    .stream().filter(name -> part.column(name) != null).toList());
            rows += part.size();
            positives += java.util.Arrays.stream(part.labels()).sum();
        }
        assertThat(rows).isEqualTo(daily.size());
        assertThat(positives).isEqualTo(daily.stream().mapToInt(LabelledSnapshot::label).sum());
    }

    private static List<LabelledSnapshot> run(Path events, TrainingDataSettings settings) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                TrainingDataJob.jobConfiguration());
        return TrainingDataJob.collect(env, TrainingDataJob.fileSource(events, settings), settings, n -> {
        });
    }

    private static String key(String tenant, String lead) {
        return tenant + ":" + lead;
    }

    private static String leadDay(LabelledSnapshot snapshot) {
        return key(snapshot.tenantId(), snapshot.leadId()) + "@" + Math.floorDiv(snapshot.at().toEpochMilli(), DAY_MILLIS);
    }

    private static String probeTenant(int probe) {
        return "probe-" + probe;
    }

    private static CrmEvent inTenant(CrmEvent e, String tenant) {
        return new CrmEvent(e.eventId(), tenant, e.type(), e.occurredAt(), e.schemaVersion(), e.leadId(),
                e.contactId(), e.accountId(), e.opportunityId(), e.campaignId(), e.userId(), e.payload());
    }
}
