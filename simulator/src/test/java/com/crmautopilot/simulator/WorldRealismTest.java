package com.crmautopilot.simulator;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.simulator.truth.DealTruth;
import com.crmautopilot.simulator.truth.GroundTruth;
import com.crmautopilot.simulator.truth.LeadTruth;
import com.crmautopilot.simulator.truth.VariantTruth;
import com.crmautopilot.simulator.world.Rep;
import com.crmautopilot.simulator.world.Rhythm;
import com.crmautopilot.simulator.world.TenantWorld;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The world behaves as documented: engagement carries the propensity, outcomes follow the true probabilities,
 * variants show their rates, people keep their hours. One mid-sized clean world (about 150,000 events).
 */
class WorldRealismTest {

    private static final long DAY = 86_400_000L;

    private static Simulator simulator;
    private static GroundTruth truth;
    private static List<CrmEvent> events;

    @BeforeAll
    static void simulate() {
        SimulatorConfig config = SimulatorConfig.builder().days(90).tenants(2).leadsPerTenant(2000)
                .accountsPerTenant(150).campaignsPerTenant(8).build().withoutNoise();
        simulator = new Simulator(config);
        SimulationRun run = simulator.start();
        events = new ArrayList<>();
        run.forEachRemaining(r -> events.add(Json.read(r.value(), CrmEvent.class)));
        truth = run.truth();
    }

    @Test
    void convertersEngageMoreThanNonConvertersBeforeTheirOutcome() {
        Map<String, LeadTruth> leads = new HashMap<>();
        truth.leads().forEach(l -> leads.put(l.tenantId() + ":" + l.leadId(), l));
        Map<String, Integer> engagement = new HashMap<>();
        for (CrmEvent e : events) {
            if (e.leadId() == null || !e.eventType().isLeadEngagement()) {
                continue;
            }
            LeadTruth lead = leads.get(e.tenantId() + ":" + e.leadId());
            // The first 14 days of a lead's life, before any outcome.
            Instant cut = lead.createdAt().plusMillis(14 * DAY);
            if (lead.convertedAt() != null && lead.convertedAt().isBefore(cut)) {
                cut = lead.convertedAt();
            }
            if (e.occurredAt().isBefore(cut)) {
                engagement.merge(e.tenantId() + ":" + e.leadId(), 1, Integer::sum);
            }
        }
        List<LeadTruth> settled = truth.leads().stream()
                .filter(l -> l.createdAt().isBefore(simulator.config().end().minusMillis(45 * DAY))).toList();
        double converters = settled.stream().filter(LeadTruth::converted)
                .mapToInt(l -> engagement.getOrDefault(l.tenantId() + ":" + l.leadId(), 0)).average().orElseThrow();
        double others = settled.stream().filter(l -> !l.converted())
                .mapToInt(l -> engagement.getOrDefault(l.tenantId() + ":" + l.leadId(), 0)).average().orElseThrow();
        assertThat(converters).isGreaterThan(1.5 * others);
    }

    @Test
    void outcomesFollowTheTrueConversionProbability() {
        List<LeadTruth> leads = truth.leads();
        double meanP = leads.stream().mapToDouble(LeadTruth::conversionProbability).average().orElseThrow();
        double willConvert = leads.stream().filter(LeadTruth::willConvert).count() / (double) leads.size();
        assertThat(willConvert).isCloseTo(meanP, within(0.02));
        // The oracle separates well, but not perfectly.
        double auc = auc(leads.stream().mapToDouble(LeadTruth::conversionProbability).toArray(),
                leads.stream().map(LeadTruth::willConvert).toList());
        assertThat(auc).isBetween(0.78, 0.92);
    }

    @Test
    void dealsAreWonAtTheirTrueWinProbability() {
        List<DealTruth> deals = truth.deals();
        double expected = deals.stream().mapToDouble(DealTruth::winProbability).average().orElseThrow();
        double willWin = deals.stream().filter(DealTruth::willWin).count() / (double) deals.size();
        assertThat(willWin).isCloseTo(expected, within(0.04));
        // Among closed deals (lost ones close sooner, so the sample leans to losses) p_win still ranks well.
        List<DealTruth> closed = deals.stream().filter(d -> !d.outcome().equals("open")).toList();
        assertThat(closed).hasSizeGreaterThan(150);
        double auc = auc(closed.stream().mapToDouble(DealTruth::winProbability).toArray(),
                closed.stream().map(d -> d.outcome().equals("won")).toList());
        assertThat(auc).isGreaterThan(0.8);
    }

    @Test
    void dealComponentsShowInTheStream() {
        Map<String, List<String>> rolesByDeal = new HashMap<>();
        Map<String, Integer> competitorNotes = new HashMap<>();
        for (CrmEvent e : events) {
            String key = e.tenantId() + ":" + e.opportunityId();
            if (e.type().equals("opportunity.contact_added")) {
                rolesByDeal.computeIfAbsent(key, k -> new ArrayList<>())
                        .add(e.payloadAs(com.crmautopilot.models.event.payload.OpportunityContactAdded.class).role());
            } else if (e.type().equals("opportunity.competitor_noted")) {
                competitorNotes.merge(key, 1, Integer::sum);
            }
        }
        for (DealTruth d : truth.deals()) {
            if (d.outcome().equals("open")) {
                continue;
            }
            String key = d.tenantId() + ":" + d.opportunityId();
            List<String> roles = rolesByDeal.getOrDefault(key, List.of());
            assertThat(roles.contains("champion")).as(key).isEqualTo(d.champion());
            assertThat(roles.contains("decision_maker")).as(key).isEqualTo(d.decisionMaker());
            assertThat(roles.contains("economic_buyer")).as(key).isEqualTo(d.economicBuyer());
            assertThat(competitorNotes.containsKey(key)).as(key).isEqualTo(d.competitor());
        }
    }

    @Test
    void staleDealsHaveAMonthWithoutActivity() {
        Map<String, List<Long>> times = new HashMap<>();
        for (CrmEvent e : events) {
            if (e.opportunityId() != null) {
                times.computeIfAbsent(e.tenantId() + ":" + e.opportunityId(), k -> new ArrayList<>()).add(e.timestampMillis());
            }
        }
        List<DealTruth> stale = truth.deals().stream()
                .filter(d -> d.stale() && d.staleUntil() != null
                        && d.staleUntil().isBefore(simulator.config().end()))
                .toList();
        assertThat(stale).isNotEmpty();
        for (DealTruth d : stale) {
            List<Long> t = new ArrayList<>(times.get(d.tenantId() + ":" + d.opportunityId()));
            // A deal still silent when the period ends is silent up to the end.
            t.add(simulator.config().end().toEpochMilli());
            long longestGap = IntStream.range(1, t.size()).mapToLong(i -> t.get(i) - t.get(i - 1)).max().orElse(0);
            assertThat(longestGap).as(d.opportunityId()).isGreaterThanOrEqualTo(30 * DAY);
        }
        assertThat(events).anyMatch(e -> e.type().equals("opportunity.close_date_changed"));
    }

    @Test
    void observedVariantRatesMatchTheirExpectations() {
        double opened = 0;
        double expectedOpens = 0;
        double clicked = 0;
        double expectedClicks = 0;
        for (VariantTruth v : truth.variants()) {
            opened += v.opened();
            expectedOpens += v.expectedOpenRate() * v.delivered();
            clicked += v.clicked();
            expectedClicks += v.expectedClickRate() * v.delivered();
            if (v.delivered() >= 300) {
                double sd = Math.sqrt(v.expectedOpenRate() * (1 - v.expectedOpenRate()) / v.delivered());
                assertThat(v.observedOpenRate()).as(v.variantId()).isCloseTo(v.expectedOpenRate(), within(4.5 * sd));
            }
        }
        assertThat(opened / expectedOpens).isCloseTo(1.0, within(0.05));
        assertThat(clicked / expectedClicks).isCloseTo(1.0, within(0.12));
        // Variants of one campaign really differ, so A/B tests have something to find.
        assertThat(truth.variants().stream().mapToDouble(VariantTruth::trueOpenRate).max().orElseThrow()
                - truth.variants().stream().mapToDouble(VariantTruth::trueOpenRate).min().orElseThrow())
                .isGreaterThan(0.1);
    }

    @Test
    void opensBurstAfterACampaignSend() {
        VariantTruth big = truth.variants().stream().max(Comparator.comparingInt(VariantTruth::delivered)).orElseThrow();
        long sent = big.sentAt().toEpochMilli();
        long window = 6 * 3_600_000L;
        // The six hours after the send against the same six hours a week earlier, for the tenant's opens of any mail.
        long after = opensBetween(big.tenantId(), sent, sent + window);
        long weekBefore = opensBetween(big.tenantId(), sent - 7 * DAY, sent - 7 * DAY + window);
        assertThat(after).isGreaterThan(3 * Math.max(1, weekBefore));
    }

    private static long opensBetween(String tenantId, long from, long to) {
        return events.stream().filter(e -> e.type().equals("email.opened") && e.tenantId().equals(tenantId)
                && e.timestampMillis() >= from && e.timestampMillis() < to).count();
    }

    @Test
    void repsWorkInTheirOfficeHoursAndRestOnWeekends() {
        Map<String, ZoneId> zones = new HashMap<>();
        for (TenantWorld t : simulator.world().tenants()) {
            for (Rep rep : t.reps()) {
                zones.put(t.tenantId() + ":" + rep.userId(), rep.zone());
            }
        }
        long repActions = 0;
        long inHours = 0;
        long weekend = 0;
        for (CrmEvent e : events) {
            if ((e.type().equals("call.logged") || e.type().equals("meeting.logged")) && e.userId() != null) {
                ZonedDateTime local = e.occurredAt().atZone(zones.get(e.tenantId() + ":" + e.userId()));
                repActions++;
                if (local.getHour() >= 7 && local.getHour() < 20) {
                    inHours++;
                }
                if (Rhythm.isWeekend(local.toLocalDate())) {
                    weekend++;
                }
            }
        }
        assertThat(inHours / (double) repActions).isGreaterThan(0.95);
        // Two days in seven, at a small fraction of a weekday.
        assertThat(weekend / (double) repActions).isLessThan(0.05);
    }

    @Test
    void leadsEngageLessAtWeekendsInTheirOwnTimeZone() {
        Map<String, ZoneId> zones = new HashMap<>();
        truth.leads().forEach(l -> zones.put(l.tenantId() + ":" + l.leadId(), ZoneId.of(l.timeZone())));
        long weekday = 0;
        long weekend = 0;
        for (CrmEvent e : events) {
            if (e.type().equals("web.visit") && e.campaignId() == null) {
                if (Rhythm.isWeekend(e.occurredAt().atZone(zones.get(e.tenantId() + ":" + e.leadId())).toLocalDate())) {
                    weekend++;
                } else {
                    weekday++;
                }
            }
        }
        double perWeekendDay = weekend / 2.0;
        double perWeekday = weekday / 5.0;
        assertThat(perWeekendDay / perWeekday).isBetween(0.2, 0.5);
    }

    @Test
    void heartbeatsKeepEveryTenantsEventTimeMovingAtTheirInterval() {
        long interval = simulator.config().heartbeatInterval().toMillis();
        Map<String, Long> last = new HashMap<>();
        Map<String, Integer> beats = new HashMap<>();
        for (CrmEvent e : events) {
            if (e.type().equals(EventType.HEARTBEAT.wireName())) {
                Long previous = last.put(e.tenantId(), e.timestampMillis());
                if (previous != null) {
                    assertThat(e.timestampMillis() - previous).isEqualTo(interval);
                }
                beats.merge(e.tenantId(), 1, Integer::sum);
            }
        }
        long expected = simulator.config().days() * DAY / interval;
        assertThat(beats).hasSize(2).allSatisfy((tenant, n) -> assertThat((long) n).isEqualTo(expected));
    }

    @Test
    void someAccountsLackFirmographicsInTheirEvents() {
        long missing = events.stream().filter(e -> e.type().equals("account.updated"))
                .map(e -> e.payloadAs(com.crmautopilot.models.event.payload.AccountUpdated.class))
                .filter(a -> a.annualRevenue() == null || a.industry() == null || a.employeeCount() == null)
                .count();
        assertThat(missing).isGreaterThan(20);
        assertThat(truth.accounts()).anyMatch(a -> a.missingFields() != null);
    }

    private static double auc(double[] scores, List<Boolean> labels) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double rankSum = 0;
        long positives = 0;
        for (int k = 0; k < order.length; k++) {
            if (labels.get(order[k])) {
                rankSum += k + 1;
                positives++;
            }
        }
        long negatives = scores.length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }
}
