package com.crmautopilot.cli.bench.score;

import com.crmautopilot.operators.metrics.InProcessCounters;

import java.util.Map;

/**
 * Times a job's processing from its own counters: from the moment the first operator has counted a record to the
 * last time the last counter moved. That leaves out job start-up and the final exactly-once commit, fixed costs of
 * a run rather than of an event. Counters are polled every few milliseconds, which bounds the error.
 */
final class CounterClock implements AutoCloseable {

    private static final long POLL_MILLIS = 5;

    private final String firstCounter;
    private final String lastCounter;
    private final long firstBase;
    private final long lastBase;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long startedNanos = -1;
    private volatile long lastMovedNanos = -1;
    private volatile long lastCount;

    CounterClock(String firstCounter, String lastCounter) {
        this.firstCounter = firstCounter;
        this.lastCounter = lastCounter;
        Map<String, Long> totals = InProcessCounters.totals();
        // Counters of earlier jobs in this JVM stay in the totals: only what moves from here on counts.
        this.firstBase = totals.getOrDefault(firstCounter, 0L);
        this.lastBase = totals.getOrDefault(lastCounter, 0L);
        this.lastCount = lastBase;
        thread = new Thread(this::poll, "bench-score-counter-clock");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            sample();
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        Map<String, Long> totals = InProcessCounters.totals();
        long now = System.nanoTime();
        if (startedNanos < 0 && totals.getOrDefault(firstCounter, 0L) > firstBase) {
            startedNanos = now;
        }
        long count = totals.getOrDefault(lastCounter, 0L);
        if (count != lastCount) {
            lastCount = count;
            lastMovedNanos = now;
        }
    }

    /** Seconds from the first input counted to the last output counted, or NaN if nothing moved. */
    double processingSeconds() {
        if (startedNanos < 0 || lastMovedNanos < 0) {
            return Double.NaN;
        }
        return Math.max(POLL_MILLIS / 1000.0, (lastMovedNanos - startedNanos) / 1e9);
    }

    long outputs() {
        return lastCount - lastBase;
    }

    long base() {
        return lastBase;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
