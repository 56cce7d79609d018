package com.crmautopilot.cep.deal;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.testing.BenchRuns;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opt-in measurement ({@code -Ddeal.bench=true}, {@code -Ddeal.bench.days=N}, 60 by default): events per second
 * through {@link DealTriggers#attach} at parallelism 1, on the heap and on RocksDB, over the simulator's standard
 * world without noise, with candidates (fired and cleared) per 1,000 events by trigger. The source is bounded, so
 * its end moves event time past every timer: deals still open at the end fire their date-driven triggers too.
 */
@EnabledIfSystemProperty(named = "deal.bench", matches = "true")
class DealTriggersThroughputBench {

    private static final System.Logger LOG = System.getLogger(DealTriggersThroughputBench.class.getName());

    @Test
    void measuresEventsPerSecondOnHeapAndRocksDb() throws Exception {
        int days = Integer.getInteger("deal.bench.days", 60);
        List<CrmEvent> events = BenchRuns.standardWorld(days);
        for (String backend : List.of("hashmap", "rocksdb")) {
            long started = System.nanoTime();
            List<SuggestionCandidate> candidates = run(events, backend);
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, String> per1000 = new TreeMap<>();
            Map<String, long[]> counts = new TreeMap<>();
            candidates.forEach(c -> counts.computeIfAbsent(c.triggerType(), k -> new long[2])[c.cleared() ? 1 : 0]++);
            counts.forEach((type, n) -> per1000.put(type, String.format("%.2f fired, %.2f cleared",
                    n[0] * 1000.0 / events.size(), n[1] * 1000.0 / events.size())));
            LOG.log(System.Logger.Level.INFO, "{0}: {1} events in {2} s = {3} events/s; per 1000 events {4}",
                    backend, events.size(), String.format("%.1f", seconds), Math.round(events.size() / seconds),
                    per1000);
            assertThat(counts).hasSize(DealTriggerSet.TYPES.size());
        }
    }

    private static List<SuggestionCandidate> run(List<CrmEvent> events, String backend) throws Exception {
        StreamExecutionEnvironment env = BenchRuns.environment(backend);
        DataStream<CrmEvent> source = BenchRuns.eventTimeSource(env, events);
        DataStream<TriggerOverride> overrides = env
                .fromData(List.of(new TriggerOverride("no-such-tenant", "deal_stalled", false, Map.of())),
                        TypeInformation.of(TriggerOverride.class))
                .uid("bench-overrides");
        return BenchRuns.collect(DealTriggers.attach(source, overrides, Map.of()), "deal-trigger-bench-" + backend);
    }
}
