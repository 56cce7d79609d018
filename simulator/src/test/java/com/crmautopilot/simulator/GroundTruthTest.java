package com.crmautopilot.simulator;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.truth.DealTruth;
import com.crmautopilot.simulator.truth.DefectTruth;
import com.crmautopilot.simulator.truth.DuplicateTruth;
import com.crmautopilot.simulator.truth.GroundTruth;
import com.crmautopilot.simulator.truth.LeadTruth;
import com.crmautopilot.simulator.truth.OutOfOrderTruth;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The ground truth describes exactly what was emitted. */
class GroundTruthTest {

    private static SimulatorConfig config;
    private static List<SimulatedRecord> records;
    private static List<CrmEvent> clean;
    private static GroundTruth truth;

    @BeforeAll
    static void simulate() {
        config = SmallWorlds.noisyMonth();
        SimulationRun run = new Simulator(config).start();
        records = new ArrayList<>();
        run.forEachRemaining(records::add);
        truth = run.truth();
        clean = records.stream().filter(SimulatedRecord::isClean).map(r -> Json.read(r.value(), CrmEvent.class)).toList();
    }

    @Test
    void everyConvertedLeadHasExactlyOneConversionEventAtItsConversionTime() {
        Map<String, List<CrmEvent>> conversions = clean.stream()
                .filter(e -> e.type().equals(EventType.LEAD_CONVERTED.wireName()))
                .collect(Collectors.groupingBy(e -> e.tenantId() + ":" + e.leadId()));
        List<LeadTruth> converted = truth.leads().stream().filter(LeadTruth::converted).toList();
        assertThat(converted).hasSizeGreaterThan(20);
        for (LeadTruth lead : converted) {
            List<CrmEvent> events = conversions.get(lead.tenantId() + ":" + lead.leadId());
            assertThat(events).as(lead.leadId()).hasSize(1);
            assertThat(events.get(0).occurredAt()).isEqualTo(lead.convertedAt());
            assertThat(events.get(0).opportunityId()).isEqualTo(lead.opportunityId());
            assertThat(lead.willConvert()).isTrue();
        }
        assertThat(conversions).hasSameSizeAs(converted);
    }

    @Test
    void leadsAreInTheTruthExactlyWhenTheirCreationWasEmitted() {
        Set<String> created = clean.stream().filter(e -> e.type().equals("lead.created"))
                .map(e -> e.tenantId() + ":" + e.leadId()).collect(Collectors.toSet());
        Set<String> inTruth = truth.leads().stream().map(l -> l.tenantId() + ":" + l.leadId()).collect(Collectors.toSet());
        assertThat(inTruth).isEqualTo(created);
        assertThat(truth.leads()).hasSize(config.tenants() * config.leadsPerTenant());
    }

    @Test
    void accountsAreInTheTruthWithTheFieldsTheirEventsLeftOut() {
        Map<String, com.crmautopilot.models.event.payload.AccountUpdated> firstUpdate = new HashMap<>();
        for (CrmEvent e : clean) {
            if (e.type().equals("account.updated")) {
                firstUpdate.putIfAbsent(e.tenantId() + ":" + e.accountId(),
                        e.payloadAs(com.crmautopilot.models.event.payload.AccountUpdated.class));
            }
        }
        assertThat(truth.accounts()).hasSize(firstUpdate.size()).allSatisfy(a -> {
            var update = firstUpdate.get(a.tenantId() + ":" + a.accountId());
            String missing = a.missingFields() == null ? "" : a.missingFields();
            assertThat(update.industry() == null).isEqualTo(missing.contains("industry"));
            assertThat(update.employeeCount() == null).isEqualTo(missing.contains("employee_count"));
            assertThat(update.annualRevenue() == null).isEqualTo(missing.contains("annual_revenue"));
        });
    }

    @Test
    void disqualifiedLeadsNeverConvertAndHaveTheirEvent() {
        Map<String, Instant> disqualified = clean.stream().filter(e -> e.type().equals("lead.disqualified"))
                .collect(Collectors.toMap(e -> e.tenantId() + ":" + e.leadId(), CrmEvent::occurredAt));
        List<LeadTruth> truthDisqualified = truth.leads().stream().filter(LeadTruth::disqualified).toList();
        assertThat(truthDisqualified).isNotEmpty().allSatisfy(l -> {
            assertThat(l.converted()).isFalse();
            assertThat(l.willConvert()).isFalse();
            assertThat(disqualified.get(l.tenantId() + ":" + l.leadId())).isEqualTo(l.disqualifiedAt());
        });
        assertThat(disqualified).hasSameSizeAs(truthDisqualified);
    }

    @Test
    void closedDealsHaveExactlyTheClosingEventTheirOutcomeSays() {
        Map<String, String> closings = new HashMap<>();
        for (CrmEvent e : clean) {
            if (e.type().equals("opportunity.closed_won") || e.type().equals("opportunity.closed_lost")) {
                String previous = closings.put(e.tenantId() + ":" + e.opportunityId(), e.type());
                assertThat(previous).as("closed twice: " + e.opportunityId()).isNull();
            }
        }
        for (DealTruth deal : truth.deals()) {
            String closing = closings.get(deal.tenantId() + ":" + deal.opportunityId());
            switch (deal.outcome()) {
                case "won" -> assertThat(closing).isEqualTo("opportunity.closed_won");
                case "lost" -> assertThat(closing).isEqualTo("opportunity.closed_lost");
                default -> assertThat(closing).isNull();
            }
            if (!deal.outcome().equals("open")) {
                assertThat(deal.willWin()).isEqualTo(deal.outcome().equals("won"));
            }
        }
        assertThat(truth.deals()).anyMatch(d -> d.outcome().equals("won")).anyMatch(d -> d.outcome().equals("lost"));
    }

    @Test
    void cleanEventIdsAreUniquePerTenant() {
        Set<String> ids = new HashSet<>();
        for (SimulatedRecord r : records) {
            if (r.isClean()) {
                assertThat(ids.add(r.tenantId() + "/" + r.eventId())).as(r.eventId()).isTrue();
            }
        }
        assertThat((long) ids.size()).isEqualTo(truth.cleanEvents());
    }

    @Test
    void defectLinesPointAtTheMalformedRecordsAndNothingElseIsMalformed() {
        Set<Long> defectLines = new HashSet<>();
        for (DefectTruth d : truth.defects()) {
            SimulatedRecord r = records.get((int) d.line() - 1);
            assertThat(r.defect()).isEqualTo(d.reason());
            assertThat(r.eventId()).isEqualTo(d.eventId());
            assertThat(r.tenantId()).isEqualTo(d.tenantId());
            defectLines.add(d.line());
        }
        for (int i = 0; i < records.size(); i++) {
            assertThat(records.get(i).isMalformed()).isEqualTo(defectLines.contains((long) i + 1));
        }
        assertThat(truth.defects()).hasSizeGreaterThan(100);
        // Every defect's bytes are unique, so a dead letter's original bytes name its defect.
        Set<String> distinct = records.stream().filter(SimulatedRecord::isMalformed)
                .map(SimulatedRecord::valueAsString).collect(Collectors.toSet());
        assertThat(distinct).hasSize(truth.defects().size());
        assertThat(distinct).noneMatch(text -> text.contains("\n") || text.contains("\r"));
    }

    @Test
    void duplicatesAreByteCopiesOfAnEarlierCleanRecordWithTheSameEventId() {
        assertThat(truth.duplicates()).hasSizeGreaterThan(100);
        Set<Long> duplicateLines = new HashSet<>();
        for (DuplicateTruth d : truth.duplicates()) {
            SimulatedRecord copy = records.get((int) d.line() - 1);
            SimulatedRecord original = records.get((int) d.originalLine() - 1);
            assertThat(d.originalLine()).isLessThan(d.line());
            assertThat(copy.duplicate()).isTrue();
            assertThat(original.isClean()).isTrue();
            assertThat(copy.value()).isEqualTo(original.value());
            assertThat(copy.eventId()).isEqualTo(original.eventId()).isEqualTo(d.eventId());
            duplicateLines.add(d.line());
        }
        assertThat(records.stream().filter(SimulatedRecord::duplicate).count()).isEqualTo(duplicateLines.size());
    }

    @Test
    void nothingValidArrivesLaterThanTheLatenessBound() {
        long bound = config.maxLateness().toMillis();
        long maxSeen = Long.MIN_VALUE;
        long late = 0;
        long maxLateness = 0;
        for (SimulatedRecord r : records) {
            if (r.isMalformed()) {
                continue;
            }
            if (r.eventTimeMillis() < maxSeen) {
                late++;
                maxLateness = Math.max(maxLateness, maxSeen - r.eventTimeMillis());
            }
            maxSeen = Math.max(maxSeen, r.eventTimeMillis());
        }
        assertThat(maxLateness).isPositive().isLessThanOrEqualTo(bound);
        assertThat(truth.outOfOrder()).hasSize((int) late)
                .allSatisfy(o -> assertThat(o.latenessMillis()).isBetween(1L, bound));
        OutOfOrderTruth first = truth.outOfOrder().get(0);
        assertThat(records.get((int) first.line() - 1).eventId()).isEqualTo(first.eventId());
    }

    @Test
    void eventTypeCountsAddUpToTheCleanStream() {
        long sum = truth.eventTypeCounts().values().stream().mapToLong(Long::longValue).sum();
        assertThat(sum).isEqualTo(truth.cleanEvents()).isEqualTo(clean.size());
        assertThat(truth.records()).isEqualTo(records.size());
        assertThat(truth.complete()).isTrue();
        // Every event type of the contract shows up in a month.
        assertThat(truth.eventTypeCounts().keySet()).containsAll(
                java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }

    @Test
    void keysNameTheTenantAndTheMostSpecificEntity() {
        for (int i = 0; i < 2000; i++) {
            SimulatedRecord r = records.get(i);
            assertThat(r.key()).startsWith(r.tenantId() + ":");
        }
        CrmEvent lead = clean.stream().filter(e -> e.leadId() != null).findFirst().orElseThrow();
        SimulatedRecord leadRecord = records.stream().filter(r -> lead.eventId().equals(r.eventId())).findFirst().orElseThrow();
        assertThat(leadRecord.key()).isEqualTo(lead.tenantId() + ":" + lead.leadId());
    }
}
