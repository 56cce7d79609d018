package com.crmautopilot.operators.metrics;

import com.crmautopilot.models.output.DeadLetterReason;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;

import java.util.EnumMap;
import java.util.Map;

/**
 * The ingestion counters, registered by the operators under the metric group {@value #GROUP}. Any Flink reporter
 * sees them (Prometheus on clusters); {@link InProcessCounters} adds them up inside one JVM for the demo.
 */
public final class IngestionMetrics {

    public static final String GROUP = "ingestion";
    /** Every record the source handed over, valid or not. */
    public static final String EVENTS_IN = "events_in";
    /** Records parked on the dead-letter output, with the variable {@value #REASON_KEY}. */
    public static final String DEAD_LETTERED = "dead_lettered";
    public static final String REASON_KEY = "reason";
    /** Events whose (tenant, event id) had already been seen. */
    public static final String DUPLICATES_DROPPED = "duplicates_dropped";
    /** Lead events that arrived behind the watermark. */
    public static final String LATE_EVENTS = "late_events";
    /** Lead profile changes emitted. */
    public static final String PROFILES_EMITTED = "profiles_emitted";

    private IngestionMetrics() {
    }

    public static MetricGroup group(MetricGroup operatorGroup) {
        return operatorGroup.addGroup(GROUP);
    }

    public static Counter counter(MetricGroup operatorGroup, String name) {
        return group(operatorGroup).counter(name);
    }

    public static Counter deadLettered(MetricGroup operatorGroup, DeadLetterReason reason) {
        return group(operatorGroup).addGroup(REASON_KEY, reason.wireName()).counter(DEAD_LETTERED);
    }

    /** One dead-letter counter per malformed reason, for the operator that parks validator rejections. */
    public static Map<DeadLetterReason, Counter> deadLetteredByMalformedReason(MetricGroup operatorGroup) {
        Map<DeadLetterReason, Counter> counters = new EnumMap<>(DeadLetterReason.class);
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            if (reason.isMalformed()) {
                counters.put(reason, deadLettered(operatorGroup, reason));
            }
        }
        return counters;
    }
}
