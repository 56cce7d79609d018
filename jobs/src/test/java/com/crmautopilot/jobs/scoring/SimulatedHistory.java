package com.crmautopilot.jobs.scoring;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.training.Dataset;
import com.crmautopilot.models.training.Trainer;
import com.crmautopilot.models.training.TrainerConfig;
import com.crmautopilot.operators.ingest.RawRecord;
import com.crmautopilot.operators.scoring.ModelArtifact;
import com.crmautopilot.operators.scoring.ModelArtifacts;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.SimulationRun;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.truth.GroundTruth;
import com.crmautopilot.simulator.truth.LeadTruth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A simulated history, as raw records with its ground truth, and lead-scoring models trained on the profiles the
 * ingestion pipeline built from one: point-in-time snapshots (the last profile of each lead's day), labelled by
 * whether the lead converted within 30 days, censored at the end of the data.
 */
record SimulatedHistory(SimulatorConfig config, List<RawRecord> records, GroundTruth truth) {

    static final Duration HORIZON = Duration.ofDays(30);

    static SimulatedHistory of(SimulatorConfig config) {
        SimulationRun run = new Simulator(config).start();
        List<RawRecord> records = new ArrayList<>();
        while (run.hasNext()) {
            SimulatedRecord record = run.next();
            records.add(new RawRecord("crm.events", 0, records.size(), record.value()));
        }
        return new SimulatedHistory(config, records, run.truth());
    }

    Map<String, LeadTruth> leadsByKey() {
        Map<String, LeadTruth> byKey = new HashMap<>();
        truth.leads().forEach(l -> byKey.put(l.tenantId() + ":" + l.leadId(), l));
        return byKey;
    }

    /** Trains a model on this history's profiles, with the trainer seeded by {@code seed}. */
    ModelArtifact train(List<LeadProfile> profiles, long seed) {
        Instant end = config.end();
        Map<String, LeadTruth> truthByKey = leadsByKey();
        Map<String, LeadProfile> lastOfDay = new LinkedHashMap<>();
        profiles.stream()
                .filter(p -> LeadProfile.STATUS_OPEN.equals(p.status()))
                // a deterministic order, whatever order the parallel job emitted them in: the same model every run
                .sorted(Comparator.comparing(LeadProfile::asOf).thenComparing(LeadProfile::tenantId)
                        .thenComparing(LeadProfile::leadId).thenComparingLong(LeadProfile::version))
                .forEach(p -> lastOfDay.put(p.tenantId() + ":" + p.leadId() + ":" + p.asOf().getEpochSecond() / 86_400, p));
        List<RawFeatures> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (LeadProfile p : lastOfDay.values()) {
            LeadTruth lead = truthByKey.get(p.tenantId() + ":" + p.leadId());
            if (lead == null) {
                continue;
            }
            Instant horizonEnd = p.asOf().plus(HORIZON);
            boolean converts = lead.converted() && lead.convertedAt().isAfter(p.asOf())
                    && !lead.convertedAt().isAfter(horizonEnd);
            if (!converts && horizonEnd.isAfter(end)) {
                continue; // the outcome is not known yet
            }
            rows.add(LeadFeatures.from(p, p.asOf()));
            labels.add(converts ? 1 : 0);
        }
        Dataset data = Dataset.fromRawFeatures("simulated-history", LeadFeatures.template(), rows,
                labels.stream().mapToInt(Integer::intValue).toArray()).labelName("converts_30d").build();
        TrainerConfig trainer = TrainerConfig.builder().maxRounds(60).earlyStoppingRounds(15).maxDepth(4).threads(1)
                .seed(seed).build();
        try {
            Path dir = Files.createTempDirectory("scoring-it-model-" + seed + "-");
            dir.toFile().deleteOnExit();
            return ModelArtifacts.fromDirectory(new Trainer(trainer, (step, done, total) -> { })
                    .train(data, dir).directory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
