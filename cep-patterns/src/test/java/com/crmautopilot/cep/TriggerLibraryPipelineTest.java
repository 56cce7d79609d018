package com.crmautopilot.cep;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.testing.Events;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.scoring.Tier;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.SuggestionIds;
import com.crmautopilot.models.suggest.TriggerType;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole library on a MiniCluster at parallelism 2, configured like the jobs (no Kryo, no generated uids), from
 * raw events through the condensed streams to candidates.
 */
class TriggerLibraryPipelineTest {

    private static final int PARALLELISM = 2;
    private static final String TENANT = "acme";
    private static final String REP = "user-dana";
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .setConfiguration(jobConfiguration())
            .build());

    private static Configuration jobConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        return configuration;
    }

    /** Event time from {@code occurred_at} with the ingestion source's bound on disorder. */
    private static WatermarkStrategy<CrmEvent> eventTime() {
        return WatermarkStrategy.<CrmEvent>forBoundedOutOfOrderness(Duration.ofMinutes(15))
                .withTimestampAssigner((event, previous) -> event.timestampMillis());
    }

    @Test
    void firesEachTriggerFromRawEventsAndNothingForClosedOrRetouchedEntities() throws Exception {
        Events e = new Events();
        List<CrmEvent> events = new ArrayList<>(List.of(
                e.leadCreated(TENANT, "lead-quiet", T0),
                e.leadAssigned(TENANT, "lead-quiet", REP, T0.plusSeconds(1)),
                e.leadCreated(TENANT, "lead-converted", T0),
                e.leadConverted(TENANT, "lead-converted", T0.plus(Duration.ofDays(1))),
                e.leadCreated(TENANT, "lead-hot", T0),
                e.emailOpened(TENANT, "lead-hot", T0.plus(Duration.ofHours(1))),
                e.emailOpened(TENANT, "lead-hot", T0.plus(Duration.ofHours(2))),
                e.emailOpened(TENANT, "lead-hot", T0.plus(Duration.ofHours(3))),
                e.leadCreated(TENANT, "lead-demo", T0),
                e.demoRequested(TENANT, "lead-demo", T0.plus(Duration.ofHours(2))),
                e.accountUpdated(TENANT, "acct-stale", REP, true, T0),
                e.accountCall(TENANT, "acct-stale", REP, T0.plus(Duration.ofHours(1))),
                e.accountCall(TENANT, "acct-retouched", REP, T0.plus(Duration.ofHours(1))),
                e.accountCall(TENANT, "acct-retouched", REP, T0.plus(Duration.ofDays(20))),
                e.accountUpdated(TENANT, "acct-incomplete", REP, false, T0),
                e.opportunityCreated(TENANT, "acct-incomplete", "opp-1", REP, T0.plus(Duration.ofHours(2)))));
        for (int day = 1; day <= 45; day++) {
            events.add(e.heartbeat(TENANT, T0.plus(Duration.ofDays(day))));
        }
        events.sort((a, b) -> a.occurredAt().compareTo(b.occurredAt()));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration());
        env.setParallelism(PARALLELISM);
        DataStream<CrmEvent> source = env
                .fromData(events, TypeInformation.of(CrmEvent.class)).setParallelism(1)
                .uid("test-events").name("test events")
                .assignTimestampsAndWatermarks(eventTime()).setParallelism(1)
                .uid("test-event-time").name("test event time");
        ScoreChange cooled = new ScoreChange("chg-1", TENANT, "lead-quiet", Tier.HOT, Tier.WARM, 81, 55, "m1", "m1",
                T0.plus(Duration.ofDays(2)), "time", "recency decayed");
        DataStream<ScoreChange> scoreChanges = env
                .fromData(List.of(cooled), TypeInformation.of(ScoreChange.class)).setParallelism(1)
                .uid("test-score-changes").name("test score changes")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<ScoreChange>forMonotonousTimestamps()
                        .withTimestampAssigner((change, previous) -> change.changedAt().toEpochMilli()))
                .setParallelism(1).uid("test-score-change-time").name("test score-change time");
        DataStream<SuggestionCandidate> candidates = new TriggerLibrary(TriggerCatalog.defaults())
                .attach(source, null, scoreChanges, TriggerLibrary.broadcastOverrides(env, null));
        DataStream.Collector<SuggestionCandidate> collector = new DataStream.Collector<>();
        candidates.collectAsync(collector);
        env.execute("trigger-library-test");

        List<SuggestionCandidate> all = new ArrayList<>();
        try (CloseableIterator<SuggestionCandidate> it = collector.getOutput()) {
            it.forEachRemaining(all::add);
        }
        Set<String> fired = all.stream().filter(c -> !c.cleared())
                .map(c -> c.triggerType() + "/" + c.entityId()).collect(Collectors.toSet());
        assertThat(fired).contains("inactive_lead/lead-quiet", "hot_lead/lead-hot", "lead_went_cold/lead-quiet",
                "demo_request_unanswered/lead-demo", "stale_account/acct-stale", "missing_data/acct-incomplete");
        assertThat(fired).noneMatch(f -> f.endsWith("/lead-converted"));
        // The end of the input passes every window, so acct-retouched fires too: but only for its second touch.
        assertThat(all).filteredOn(c -> c.entityId().equals("acct-retouched"))
                .extracting(SuggestionCandidate::episodeStart).containsOnly(T0.plus(Duration.ofDays(20)));
        SuggestionCandidate stale = all.stream().filter(c -> c.entityId().equals("acct-stale")).findFirst()
                .orElseThrow();
        assertThat(stale.suggestionId()).isEqualTo(SuggestionIds.of(TENANT, TriggerType.STALE_ACCOUNT, "acct-stale",
                T0.plus(Duration.ofHours(1))));
        assertThat(stale.entityName()).isEqualTo("Account acct-stale");
        assertThat(stale.ownerUserId()).isEqualTo(REP);
        assertThat(stale.facts()).containsEntry("days_silent", "30").containsEntry("last_touch_type", "call.logged")
                .containsEntry("last_touch_by", REP);
    }

    /**
     * A tenant goes quiet: after its first hours only heartbeats arrive, and the source never ends. Event time then
     * moves only through the heartbeats' watermarks, and both absence triggers still fire, on every parallel
     * subtask (the entities are spread over both by their keys).
     */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void absenceTriggersFireWhenOnlyHeartbeatsArrive() throws Exception {
        int entities = 6;
        Events e = new Events();
        List<CrmEvent> script = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            script.add(e.leadCreated(TENANT, "lead-" + i, T0.plusSeconds(i)));
            script.add(e.accountCall(TENANT, "acct-" + i, REP, T0.plusSeconds(i)));
        }
        GeneratorFunction<Long, CrmEvent> quietTenant = new ScriptThenHeartbeats(script);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration());
        env.setParallelism(PARALLELISM);
        DataStream<CrmEvent> source = env
                .fromSource(new DataGeneratorSource<>(quietTenant, Long.MAX_VALUE, RateLimiterStrategy.perSecond(2_000),
                        TypeInformation.of(CrmEvent.class)), eventTime(), "quiet tenant").setParallelism(1)
                .uid("test-quiet-tenant");
        DataStream<SuggestionCandidate> candidates = new TriggerLibrary(TriggerCatalog.defaults())
                .attach(source, null, null, TriggerLibrary.broadcastOverrides(env, null));
        DataStream.Collector<SuggestionCandidate> collector = new DataStream.Collector<>();
        candidates.collectAsync(collector);
        JobClient job = env.executeAsync("heartbeat-test");

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < entities; i++) {
            expected.add("inactive_lead/lead-" + i);
            expected.add("stale_account/acct-" + i);
        }
        Set<String> seen = new HashSet<>();
        try (CloseableIterator<SuggestionCandidate> it = collector.getOutput()) {
            while (!seen.containsAll(expected) && it.hasNext()) {
                SuggestionCandidate c = it.next();
                seen.add(c.triggerType() + "/" + c.entityId());
            }
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
        }
        assertThat(seen).containsAll(expected);
    }

    /** The script first, then one heartbeat of the tenant per hour of event time, for ever. */
    private static final class ScriptThenHeartbeats implements GeneratorFunction<Long, CrmEvent> {
        private static final long serialVersionUID = 1L;
        /** As JSON: the function is serialized into the job, and events are records, not Serializable. */
        private final ArrayList<String> script = new ArrayList<>();
        private final Events events = new Events();

        ScriptThenHeartbeats(List<CrmEvent> script) {
            script.forEach(event -> this.script.add(Json.write(event)));
        }

        @Override
        public CrmEvent map(Long index) {
            if (index < script.size()) {
                return Json.read(script.get(index.intValue()), CrmEvent.class);
            }
            return events.heartbeat(TENANT, T0.plus(Duration.ofHours(index - script.size() + 1)));
        }
    }
}
