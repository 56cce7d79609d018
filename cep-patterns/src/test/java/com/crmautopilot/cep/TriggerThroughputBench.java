package com.crmautopilot.cep;

import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.testing.BenchRuns;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

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
        List<CrmEvent> events = BenchRuns.standardWorld(days);
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
    private static TriggerCatalog catalog() {
        String step = System.getProperty("cep.bench.step");
        if (step == null) {
            return TriggerCatalog.defaults();
        }
        return com.crmautopilot.models.config.ConfigDocuments.fromClasspath(TriggerCatalog.class,
                TriggerCatalog.RESOURCE, (yaml, source) -> TriggerCatalog.fromYaml(
                        yaml.replace("evaluation_step: 1h", "evaluation_step: " + step), source));
    }

    /** The same source and condensing functions with nothing behind them: what the triggers add is the rest. */
    private static long baseline(List<CrmEvent> events) throws Exception {
        StreamExecutionEnvironment env = BenchRuns.environment(null);
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
        StreamExecutionEnvironment env = BenchRuns.environment(backend);
        DataStream<SuggestionCandidate> candidates = new TriggerLibrary(catalog()).attach(
                BenchRuns.eventTimeSource(env, events), null, null, TriggerLibrary.broadcastOverrides(env, null));
        return BenchRuns.collect(candidates, "trigger-bench-" + backend);
    }
}
