package com.crmautopilot.simulator;

import com.crmautopilot.simulator.output.SimulationWriter;
import com.crmautopilot.simulator.truth.DefectTruth;
import com.crmautopilot.simulator.truth.GroundTruth;
import com.crmautopilot.simulator.truth.TruthFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationWriterTest {

    @Test
    void writesOneRecordPerLineAndTruthFilesThatReadBackTheSame(@TempDir Path dir) throws Exception {
        SimulatorConfig config = SmallWorlds.noisyMonth();
        SimulationWriter.Summary summary = SimulationWriter.write(config, dir, ProgressListener.NONE);
        List<SimulatedRecord> records = SmallWorlds.records(config);

        List<String> lines = Files.readAllLines(dir.resolve("events.jsonl"), StandardCharsets.UTF_8);
        assertThat(lines).hasSize(records.size());
        assertThat(summary.records()).isEqualTo(records.size());
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).isEqualTo(records.get(i).valueAsString());
        }
        GroundTruth truth = summary.truth();
        for (DefectTruth defect : truth.defects()) {
            assertThat(records.get((int) defect.line() - 1).defect()).isEqualTo(defect.reason());
        }

        Path truthDir = dir.resolve("truth");
        assertThat(TruthFiles.readLeads(truthDir)).isEqualTo(truth.leads());
        assertThat(TruthFiles.readDeals(truthDir)).isEqualTo(truth.deals());
        assertThat(TruthFiles.readVariants(truthDir)).isEqualTo(truth.variants());
        assertThat(TruthFiles.readAccounts(truthDir)).isEqualTo(truth.accounts());
        assertThat(TruthFiles.readReps(truthDir)).isEqualTo(truth.reps());
        assertThat(TruthFiles.readDefects(truthDir)).isEqualTo(truth.defects());
        assertThat(TruthFiles.readDuplicates(truthDir)).isEqualTo(truth.duplicates());
        assertThat(TruthFiles.readOutOfOrder(truthDir)).isEqualTo(truth.outOfOrder());
        String manifest = Files.readString(truthDir.resolve("manifest.json"));
        assertThat(manifest).contains("\"records\" : " + records.size()).contains("\"max_lateness\" : \"PT10M\"");
        assertThat(Files.readAllLines(truthDir.resolve("leads.csv")).get(0))
                .startsWith("tenant_id,lead_id,created_at,owner_id,title,seniority");
    }
}
