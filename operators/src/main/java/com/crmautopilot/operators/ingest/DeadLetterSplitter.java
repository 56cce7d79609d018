package com.crmautopilot.operators.ingest;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.operators.metrics.IngestionMetrics;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

import java.util.Map;

/**
 * Sends valid events on and parks the source's dead letters on {@link #DEAD_LETTERS}. It is also where every
 * record is counted, whichever source fed it.
 */
public final class DeadLetterSplitter extends ProcessFunction<Ingested, CrmEvent> {

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("malformed-records", TypeInformation.of(DeadLetter.class));

    private transient Counter eventsIn;
    private transient Map<DeadLetterReason, Counter> deadLettered;

    @Override
    public void open(OpenContext openContext) {
        eventsIn = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(), IngestionMetrics.EVENTS_IN);
        deadLettered = IngestionMetrics.deadLetteredByMalformedReason(getRuntimeContext().getMetricGroup());
    }

    @Override
    public void processElement(Ingested ingested, Context context, Collector<CrmEvent> out) {
        eventsIn.inc();
        if (ingested.isEvent()) {
            out.collect(ingested.event());
            return;
        }
        DeadLetter deadLetter = ingested.deadLetter();
        Counter counter = deadLettered.get(deadLetter.reason());
        if (counter != null) {
            counter.inc();
        }
        context.output(DEAD_LETTERS, deadLetter);
    }
}
