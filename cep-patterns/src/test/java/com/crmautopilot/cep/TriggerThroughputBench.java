package com.crmautopilot.cep;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in measurement ({@code -Dcep.bench=true}): events per second through the whole trigger library at
 * parallelism 1, on the heap and on RocksDB, over the simulator's standard world without noise, and candidates per
 * 1,000 events by trigger. The source is bounded, so its end passes every window: absence triggers of entities
 * still pending at the end fire too.
 */
@EnabledIfSystemProperty(named = "cep.bench", matches = "true")
class TriggerThroughputBench {

    private static final System.Logger LOG = System.getLogger(TriggerThroughputBench.class.getName());

    @Test
    void measuresEventsPerSecondOnHeapAndRocksDb() throws Exception {
        int days = Integer.getInteger("cep.bench.days", 60);
        List<CrmEvent> events = new Simulator(SimulatorConfig.builder().days(days).build().withoutNoise())
                .records()
                .map(SimulatedRecord::value)
                .map(bytes -> Json.read(bytes, CrmEvent.class))
                .toList();
        long baselineStarted = System.nanoTime();
        long marks = baseline(events);
        double baselineSeconds = (System.nanoTime() - baselineStarted) / 1e9;
        LOG.log(System.Logger.Level.INFO, "baseline (source and condensing only, heap): {0} events, {1} marks in {2}"
                + " s = {3} events/s", events.size(), marks, String.format("%.1f", baselineSeconds),
                Math.round(events.size() / baselineSeconds));
        Map<String, Set<String>> outputs = new TreeMap<>();
        for (String backend : System.getProperty("cep.bench.backends", "hashmap,rocksdb").split(",")) {
            long started = System.nanoTime();
            List<SuggestionCandidate> candidates = run(events, backend);
            outputs.put(backend, candidates.stream().map(c -> c.suggestionId() + (c.cleared() ? "/cleared" : ""))
                    .collect(Collectors.toSet()));
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> byTrigger = candidates.stream().filter(c -> !c.cleared())
                    .collect(Collectors.groupingBy(SuggestionCandidate::triggerType, TreeMap::new,
                            Collectors.counting()));
            Map<String, String> per1000 = new TreeMap<>();
            byTrigger.forEach((k, v) -> per1000.put(k, String.format("%.2f", v * 1000.0 / events.size())));
            LOG.log(System.Logger.Level.INFO, "{0}: {1} events in {2} s = {3} events/s; candidates per 1000 events {4};"
                            + " cleared {5}", backend, events.size(), String.format("%.1f", seconds),
                    Math.round(events.size() / seconds), per1000,
                    candidates.stream().filter(SuggestionCandidate::cleared).count());
            assertThat(byTrigger).isNotEmpty();
        }
        // The output depends on event time only, not on the backend's speed and so the watermarks' timing.
        if (outputs.size() == 2) {
            assertThat(outputs.get("rocksdb")).isEqualTo(outputs.get("hashmap"));
        }
    }

    /** The shipped catalog, with {@code -Dcep.bench.step=...} as stale_account's evaluation step when given. */
    private static TriggerCatalog catalog() throws java.io.IOException {
        String step = System.getProperty("cep.bench.step");
        if (step == null) {
            return TriggerCatalog.defaults();
        }
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("src", "main", "resources", "triggers.yaml"));
        return TriggerCatalog.fromYaml(yaml.replace("evaluation_step: 1h", "evaluation_step: " + step), "bench");
    }

    /** The same source and condensing functions with nothing behind them: what the triggers add is the rest. */
    private static long baseline(List<CrmEvent> events) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        DataStream<CrmEvent> source = env.fromData(events, TypeInformation.of(CrmEvent.class)).uid("bench-events");
        DataStream<Long> counts = source
                .flatMap(new com.crmautopilot.cep.condense.LeadMarks(),
                        TypeInformation.of(com.crmautopilot.cep.condense.LeadMark.class)).uid("bench-lead-marks")
                .map(mark -> 1L, TypeInformation.of(Long.class)).uid("bench-one")
                .union(source.flatMap(new com.crmautopilot.cep.condense.AccountMarks(),
                        TypeInformation.of(com.crmautopilot.cep.condense.AccountMark.class)).uid("bench-account-marks")
                        .map(mark -> 1L, TypeInformation.of(Long.class)).uid("bench-one-account"))
                .keyBy(one -> 0).reduce(Long::sum).uid("bench-count");
        long last = 0;
        try (CloseableIterator<Long> it = counts.executeAndCollect("trigger-bench-baseline")) {
            while (it.hasNext()) {
                last = it.next();
            }
        }
        return last;
    }

    private static List<SuggestionCandidate> run(List<CrmEvent> events, String backend) throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        configuration.set(StateBackendOptions.STATE_BACKEND, backend);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        DataStream<CrmEvent> source = env.fromData(events, TypeInformation.of(CrmEvent.class))
                .uid("bench-events")
                .assignTimestampsAndWatermarks(WatermarkStrategy.<CrmEvent>forBoundedOutOfOrderness(
                        Duration.ofMinutes(15)).withTimestampAssigner((e, t) -> e.timestampMillis()))
                .uid("bench-event-time");
        DataStream<SuggestionCandidate> candidates = new TriggerLibrary(catalog())
                .attach(source, null, null, TriggerLibrary.broadcastOverrides(env, null));
        try (CloseableIterator<SuggestionCandidate> it = candidates.executeAndCollect("trigger-bench-" + backend)) {
            List<SuggestionCandidate> all = new java.util.ArrayList<>();
            it.forEachRemaining(all::add);
            return all;
        }
    }
}
