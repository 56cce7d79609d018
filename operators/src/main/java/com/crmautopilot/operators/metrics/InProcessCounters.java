package com.crmautopilot.operators.metrics;

import com.crmautopilot.operators.scoring.ScoringMetrics;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the {@link IngestionMetrics} and {@link ScoringMetrics} counters of jobs running in this JVM (a MiniCluster), summed over operators and
 * parallel instances. Enable it with {@link #enable(Configuration)} on the MiniCluster's configuration, then poll
 * {@link #snapshot()}. Counts of finished tasks are kept, so totals survive the end of a bounded job.
 *
 * <p>It is a Flink metric reporter because that is the one supported way to reach live operator metrics from
 * outside the tasks; the registry is static because Flink instantiates reporters itself.
 */
public final class InProcessCounters {

    public static final String REPORTER_NAME = "crm_inprocess";

    private static final Map<Counter, String> LIVE = new ConcurrentHashMap<>();
    private static final Map<String, Long> RETIRED = new ConcurrentHashMap<>();

    private InProcessCounters() {
    }

    /** Adds the reporter to a cluster configuration (MiniCluster or local environment). */
    public static Configuration enable(Configuration configuration) {
        configuration.setString("metrics.reporter." + REPORTER_NAME + ".factory.class", Factory.class.getName());
        return configuration;
    }

    /** Current totals by counter; dead letters are keyed {@code dead_lettered.<reason>}. */
    public static IngestionCounts snapshot() {
        return IngestionCounts.of(totals());
    }

    /**
     * Current totals of every counter this registry tracks, by name (dead letters as {@code dead_lettered.<reason>}),
     * including counters that {@link IngestionCounts} does not name, such as the benchmark's own.
     */
    public static Map<String, Long> totals() {
        Map<String, Long> totals = new TreeMap<>(RETIRED);
        LIVE.forEach((counter, key) -> totals.merge(key, counter.getCount(), Long::sum));
        return totals;
    }

    /** Forgets everything counted so far, for a fresh run in the same JVM. */
    public static void reset() {
        LIVE.clear();
        RETIRED.clear();
    }

    static String keyOf(String metricName, MetricGroup group) {
        List<String> scope = Arrays.asList(group.getScopeComponents());
        if (!scope.contains(IngestionMetrics.GROUP) && !scope.contains(ScoringMetrics.GROUP)) {
            return null;
        }
        String reason = group.getAllVariables().get("<" + IngestionMetrics.REASON_KEY + ">");
        return reason == null ? metricName : metricName + "." + reason;
    }

    /** The reporter Flink instantiates from the configuration. */
    public static final class Reporter implements MetricReporter {
        @Override
        public void open(MetricConfig config) {
        }

        @Override
        public void close() {
        }

        @Override
        public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
            String key = keyOf(metricName, group);
            if (key != null && metric instanceof Counter counter) {
                LIVE.put(counter, key);
            }
        }

        @Override
        public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
            if (metric instanceof Counter counter) {
                String key = LIVE.remove(counter);
                if (key != null) {
                    RETIRED.merge(key, counter.getCount(), Long::sum);
                }
            }
        }
    }

    /** Listed in {@code META-INF/services}, which is how Flink finds reporter factories. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new Reporter();
        }
    }
}
