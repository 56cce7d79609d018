package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.crmautopilot.cep.deal.DealEvents.OTHER_TENANT;
import static com.crmautopilot.cep.deal.DealEvents.TENANT;
import static com.crmautopilot.cep.deal.DealEvents.day;
import static com.crmautopilot.cep.deal.DealEvents.deal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DealTriggers#attach} end to end on a MiniCluster at parallelism 2, configured like the jobs (no Kryo, no
 * generated uids): tenant medians learned from completed stays reach the deal operator through the broadcast, and a
 * tenant override reaches it too.
 */
class DealTriggersPipelineTest {

    private static final int PARALLELISM = 2;
    private static final LocalDate FAR = LocalDate.parse("2026-06-30");
    private static final String STUCK = "opp-stuck";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .build());

    @Test
    void learnsEachTenantsStageMediansAndAppliesOverrides() throws Exception {
        List<CrmEvent> events = new ArrayList<>();
        // acme's deals leave qualification after 2 days: 12 completed stays, above the minimum sample of 10.
        for (int i = 0; i < 12; i++) {
            DealEvents quick = deal(TENANT, "opp-quick-" + i);
            events.add(quick.created(day(i * 0.1), "qualification", FAR));
            events.add(quick.stage(day(i * 0.1 + 2), "qualification", "proposal"));
            events.add(quick.won(day(i * 0.1 + 2.5)));
        }
        // One deal stuck in qualification in each tenant; globex has no history, so the fallback (14 days) applies.
        for (String tenant : List.of(TENANT, OTHER_TENANT)) {
            events.add(deal(tenant, STUCK).created(day(5), "qualification", FAR));
            events.add(deal(tenant, STUCK).competitor(day(6), "Zoho"));
        }
        events.sort(Comparator.comparing(CrmEvent::occurredAt));
        Map<TriggerType, TriggerSettings> defaults = Map.of(TriggerType.DEAL_STALLED,
                new TriggerSettings("deal_stalled", true, Map.of("min_sample", "10")));
        List<TriggerOverride> overrides = List.of(
                new TriggerOverride(OTHER_TENANT, "competitor_detected", false, Map.of()),
                new TriggerOverride(OTHER_TENANT, "hot_lead", false, Map.of()));

        List<SuggestionCandidate> candidates = run(events, overrides, defaults);

        List<SuggestionCandidate> stalled = fired(candidates, TriggerType.DEAL_STALLED);
        assertThat(stalled).extracting(c -> c.tenantId() + " " + c.firedAt() + " " + c.facts().get("median_source"))
                .containsExactlyInAnyOrder(
                        TENANT + " " + day(5 + 4) + " tenant",
                        OTHER_TENANT + " " + day(5 + 28) + " default");
        assertThat(stalled).filteredOn(c -> c.tenantId().equals(TENANT)).singleElement()
                .satisfies(c -> assertThat(c.facts()).containsEntry("median_days", "2.0"));
        assertThat(activeAtEnd(candidates, TriggerType.COMPETITOR_DETECTED)).containsExactly(TENANT + "/" + STUCK);
        assertThat(candidates).as("the quick deals closed before anything could be said about them")
                .noneMatch(c -> c.entityId().startsWith("opp-quick") && !c.cleared());
    }

    private static List<SuggestionCandidate> run(List<CrmEvent> events, List<TriggerOverride> overrides,
                                                 Map<TriggerType, TriggerSettings> defaults) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(PARALLELISM);
        // Event time from occurred_at; a minute of out-of-orderness, as the ingestion allows.
        WatermarkStrategy<CrmEvent> eventTime = WatermarkStrategy
                .<CrmEvent>forBoundedOutOfOrderness(Duration.ofMinutes(1))
                .withTimestampAssigner((event, previous) -> event.timestampMillis());
        DataStream<CrmEvent> source = env.fromData(events, TypeInformation.of(CrmEvent.class))
                .uid("test-events").name("test events")
                .assignTimestampsAndWatermarks(eventTime).uid("test-event-time").name("test event time")
                .setParallelism(1); // one ordered split, like one Kafka partition
        DataStream<TriggerOverride> overrideSource = env
                .fromData(overrides, TypeInformation.of(TriggerOverride.class))
                .uid("test-overrides").name("test overrides");

        List<SuggestionCandidate> out = new ArrayList<>();
        try (CloseableIterator<SuggestionCandidate> results =
                     DealTriggers.attach(source, overrideSource, defaults).executeAndCollect()) {
            results.forEachRemaining(out::add);
        }
        return out;
    }

    private static List<SuggestionCandidate> fired(List<SuggestionCandidate> candidates, TriggerType type) {
        return candidates.stream().filter(c -> c.triggerType().equals(type.wireName()) && !c.cleared()).toList();
    }

    /** Tenant/deal of each candidate of the type fired and not cleared afterwards. */
    private static Set<String> activeAtEnd(List<SuggestionCandidate> candidates, TriggerType type) {
        Set<String> active = new HashSet<>();
        Set<String> activeIds = new HashSet<>();
        for (SuggestionCandidate c : candidates) {
            if (c.triggerType().equals(type.wireName())) {
                if (c.cleared()) {
                    activeIds.remove(c.suggestionId());
                } else {
                    activeIds.add(c.suggestionId());
                }
            }
        }
        for (SuggestionCandidate c : candidates) {
            if (activeIds.contains(c.suggestionId()) && !c.cleared()) {
                active.add(c.tenantId() + "/" + c.entityId());
            }
        }
        return active;
    }
}
