package com.crmautopilot.jobs.suggest;

import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.metrics.Counter;

/**
 * Counts the suggestions on their way to {@code ai.suggestions} ({@value #SUGGESTIONS_OUT}), in the metric group
 * the in-process counters read, so benchmarks and the demo see the job's output move without reading the topic.
 */
public final class SuggestionCounter extends RichMapFunction<Suggestion, Suggestion> {

    private static final long serialVersionUID = 1L;
    public static final String SUGGESTIONS_OUT = "suggest_suggestions_out";

    private transient Counter out;

    @Override
    public void open(OpenContext openContext) {
        out = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(), SUGGESTIONS_OUT);
    }

    @Override
    public Suggestion map(Suggestion suggestion) {
        out.inc();
        return suggestion;
    }
}
