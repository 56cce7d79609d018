package com.crmautopilot.jobs.suggest;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.operators.ingest.DeadLetterSplitter;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Sends valid events on and parks the source's dead letters on {@link DeadLetterSplitter#DEAD_LETTERS}, like the
 * lead-intelligence job's splitter, but under counters of its own ({@value #EVENTS_IN}): both jobs read
 * {@code crm.events}, and in one JVM (the demo, the benchmarks) their ingestion counts must not add up.
 */
public final class SuggestionEventSplitter extends ProcessFunction<Ingested, CrmEvent> {

    private static final long serialVersionUID = 1L;
    /** Every {@code crm.events} record this job reads, valid or not. */
    public static final String EVENTS_IN = "suggest_events_in";

    private transient Counter eventsIn;

    @Override
    public void open(OpenContext openContext) {
        eventsIn = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(), EVENTS_IN);
    }

    @Override
    public void processElement(Ingested ingested, Context context, Collector<CrmEvent> out) {
        eventsIn.inc();
        if (ingested.isEvent()) {
            out.collect(ingested.event());
        } else {
            DeadLetter deadLetter = ingested.deadLetter();
            context.output(DeadLetterSplitter.DEAD_LETTERS, deadLetter);
        }
    }
}
