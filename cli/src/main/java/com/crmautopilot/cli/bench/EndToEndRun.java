package com.crmautopilot.cli.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What every end-to-end benchmark measures: a job and the bare baseline over the same records, then the job's
 * latency at a steady rate. Both benchmarks report these under the same JSON keys, so one reader serves both.
 *
 * @param job      the job under test
 * @param baseline the bare baseline over the same bytes
 */
public record EndToEndRun(long events, Phase job, Phase baseline, long warmUpEvents, double p50Millis,
                          double p99Millis, int latencySamples, double peakHeapMegabytes, BenchOptions options) {

    public static EndToEndRun of(long events, Phase job, Phase baseline, long warmUpEvents, LatencyRecorder latency,
                                 HeapSampler heap, BenchOptions options) {
        return new EndToEndRun(events, job, baseline, warmUpEvents, latency.percentile(50), latency.percentile(99),
                latency.samples(), heap.peakMegabytes(), options);
    }

    public double eventsPerSecond() {
        return job.perSecond(events);
    }

    public double baselineEventsPerSecond() {
        return baseline.perSecond(events);
    }

    public double ratio() {
        return eventsPerSecond() / baselineEventsPerSecond();
    }

    /**
     * The shared figures around the benchmark's own: {@code bench score} prints its table in this order, throughput
     * first and the set-up last.
     */
    public Map<String, Object> toJson(Consumer<Map<String, Object>> ownFigures) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", events);
        json.put("events_per_s", Rounded.toTenths(eventsPerSecond()));
        json.put("baseline_events_per_s", Rounded.toTenths(baselineEventsPerSecond()));
        json.put("ratio", Rounded.toThousandths(ratio()));
        json.put("processing_events_per_s", Rounded.toTenths(job.perProcessingSecond(events)));
        json.put("baseline_processing_events_per_s", Rounded.toTenths(baseline.perProcessingSecond(events)));
        json.put("processing_ratio",
                Rounded.toThousandths(job.perProcessingSecond(events) / baseline.perProcessingSecond(events)));
        json.put("cpu_ms_per_1k_events", Rounded.toTenths(job.cpuMillisPerThousand(events)));
        json.put("baseline_cpu_ms_per_1k_events", Rounded.toTenths(baseline.cpuMillisPerThousand(events)));
        json.put("cpu_ratio", Rounded.toThousandths(baseline.cpuSeconds() / job.cpuSeconds()));
        ownFigures.accept(json);
        json.put("warm_up_events", warmUpEvents);
        json.put("p50_ms", p50Millis);
        json.put("p99_ms", p99Millis);
        json.put("latency_samples", latencySamples);
        json.put("latency_rate_events_per_s", options.latencyRate());
        json.put("peak_heap_mb", Rounded.toTenths(peakHeapMegabytes));
        json.put("parallelism", options.parallelism());
        json.put("partitions", options.partitions());
        json.put("checkpoint_interval_ms", options.checkpointInterval().toMillis());
        json.put("delivery_guarantee", "exactly-once");
        json.put("cores", Runtime.getRuntime().availableProcessors());
        return json;
    }
}
