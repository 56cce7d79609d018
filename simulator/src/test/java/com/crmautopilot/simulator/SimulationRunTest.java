package com.crmautopilot.simulator;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.truth.GroundTruth;
import com.crmautopilot.simulator.truth.LeadTruth;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SimulationRunTest {

    @Test
    void aRecordCapStopsTheStreamExactlyAndTheTruthKeepsToWhatWasEmitted() {
        SimulatorConfig config = SmallWorlds.month().toBuilder().maxRecords(5_000).build();
        SimulationRun run = new Simulator(config).start();
        List<SimulatedRecord> records = new ArrayList<>();
        run.forEachRemaining(records::add);
        GroundTruth truth = run.truth();

        assertThat(records).hasSize(5_000);
        assertThat(truth.complete()).isFalse();
        assertThat(truth.records()).isEqualTo(5_000);
        Set<String> created = records.stream().filter(SimulatedRecord::isClean)
                .map(r -> Json.read(r.value(), CrmEvent.class))
                .filter(e -> e.type().equals("lead.created"))
                .map(e -> e.tenantId() + ":" + e.leadId()).collect(Collectors.toSet());
        assertThat(truth.leads()).extracting(l -> l.tenantId() + ":" + l.leadId())
                .containsExactlyInAnyOrderElementsOf(created);
        assertThat(created.size()).isLessThan(config.tenants() * config.leadsPerTenant());
    }

    @Test
    void theCappedStreamIsAPrefixOfTheFullOne() {
        SimulatorConfig config = SmallWorlds.noisyMonth();
        List<SimulatedRecord> capped = SmallWorlds.records(config.toBuilder().maxRecords(3_000).build());
        List<SimulatedRecord> full = new Simulator(config).records().limit(3_000).toList();
        assertThat(capped).isEqualTo(full);
    }

    @Test
    void progressIsReportedInOrderAndEndsAtTheWholePeriod() {
        List<long[]> counts = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        SimulationRun run = new Simulator(SmallWorlds.month()).start((records, fraction) -> {
            counts.add(new long[]{records});
            fractions.add(fraction);
        });
        GroundTruth truth = run.drainAndTruth();

        assertThat(counts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(counts.get(0)[0]).isEqualTo(SimulationRun.PROGRESS_EVERY);
        assertThat(counts.get(counts.size() - 1)[0]).isEqualTo(truth.records());
        assertThat(fractions).isSorted();
        assertThat(fractions.get(0)).isBetween(0.0, 1.0);
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    @Test
    void aTenantWithNothingGoingOnStillHasHeartbeats() {
        SimulatorConfig quiet = SimulatorConfig.builder().days(1).tenants(1).leadsPerTenant(0).accountsPerTenant(1)
                .campaignsPerTenant(0).heartbeatInterval(Duration.ofHours(1)).build().withoutNoise();
        List<CrmEvent> events = new Simulator(quiet).records().map(r -> Json.read(r.value(), CrmEvent.class)).toList();
        assertThat(events.stream().filter(e -> e.type().equals("system.heartbeat")).count()).isEqualTo(24);
        assertThat(events.get(events.size() - 1).occurredAt()).isEqualTo(quiet.end().minus(Duration.ofHours(1)));
    }
}
