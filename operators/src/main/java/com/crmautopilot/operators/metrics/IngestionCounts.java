package com.crmautopilot.operators.metrics;

import com.crmautopilot.models.output.DeadLetterReason;

import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of the ingestion counters.
 *
 * @param deadLetteredByReason by the wire name of the {@link DeadLetterReason} (duplicates and late events included)
 */
public record IngestionCounts(long eventsIn, Map<String, Long> deadLetteredByReason, long duplicatesDropped,
                              long lateEvents, long profilesEmitted) {

    static IngestionCounts of(Map<String, Long> totals) {
        Map<String, Long> byReason = new TreeMap<>();
        String prefix = IngestionMetrics.DEAD_LETTERED + ".";
        totals.forEach((key, value) -> {
            if (key.startsWith(prefix) && value > 0) {
                byReason.put(key.substring(prefix.length()), value);
            }
        });
        return new IngestionCounts(
                totals.getOrDefault(IngestionMetrics.EVENTS_IN, 0L),
                Map.copyOf(byReason),
                totals.getOrDefault(IngestionMetrics.DUPLICATES_DROPPED, 0L),
                totals.getOrDefault(IngestionMetrics.LATE_EVENTS, 0L),
                totals.getOrDefault(IngestionMetrics.PROFILES_EMITTED, 0L));
    }

    public long deadLettered() {
        return deadLetteredByReason.values().stream().mapToLong(Long::longValue).sum();
    }
}
