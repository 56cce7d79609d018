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

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("malformed-records", TypeInformation.of(DeadLetter.class));

    private final String eventsInCounter;
    private final boolean countsByReason;
    private transient Counter eventsIn;
    private transient Map<DeadLetterReason, Counter> deadLettered;

    /** The lead-intelligence job's: {@link IngestionMetrics#EVENTS_IN} and dead letters by reason. */
    public DeadLetterSplitter() {
        this(IngestionMetrics.EVENTS_IN, true);
    }

    private DeadLetterSplitter(String eventsInCounter, boolean countsByReason) {
        this.eventsInCounter = eventsInCounter;
        this.countsByReason = countsByReason;
    }

    /**
     * For another job that reads {@code crm.events}: its records in under a counter of its own, and no dead-letter
     * counters by reason. In one JVM (the demo, the benchmarks) the in-process counters sum over jobs, so the two
     * jobs' counts of the same records must not add up.
     */
    public static DeadLetterSplitter countingAs(String eventsInCounter) {
        return new DeadLetterSplitter(eventsInCounter, false);
    }

    @Override
    public void open(OpenContext openContext) {
        eventsIn = IngestionMetrics.counter(getRuntimeContext().getMetricGroup(), eventsInCounter);
        deadLettered = countsByReason
                ? IngestionMetrics.deadLetteredByMalformedReason(getRuntimeContext().getMetricGroup()) : Map.of();
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
