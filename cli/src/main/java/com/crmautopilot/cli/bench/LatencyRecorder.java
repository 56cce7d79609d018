package com.crmautopilot.cli.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * End-to-end latency: the wall time an event was produced, matched with the wall time the first output it caused
 * became visible to a {@code read_committed} consumer.
 */
public final class LatencyRecorder {

    private final ConcurrentHashMap<String, Long> producedAt = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();

    public void produced(String eventId, long wallMillis) {
        producedAt.putIfAbsent(eventId, wallMillis);
    }

    /** Only the first output per event counts. */
    public void visible(String eventId, long wallMillis) {
        Long start = producedAt.remove(eventId);
        if (start != null) {
            latencies.add(wallMillis - start);
        }
    }

    public int samples() {
        return latencies.size();
    }

    /** @param p between 0 and 100 */
    public double percentile(double p) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

}
