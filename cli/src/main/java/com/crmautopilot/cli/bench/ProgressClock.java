package com.crmautopilot.cli.bench;

import com.crmautopilot.operators.metrics.InProcessCounters;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Times a job's processing from its own counters: from the moment the first operator has counted a record to the
 * last time the last operator's count moved. Unlike submission-to-end wall time, this leaves out job start-up (task
 * deployment, sink transaction set-up) and the final exactly-once commit, which are fixed costs of a run, not of an
 * event. Counters are polled at a fixed period, which bounds the error.
 */
final class ProgressClock implements AutoCloseable {

    private static final int FINAL_SAMPLES = 10;
    private static final int SETTLE_ATTEMPTS = 40;
    private static final Duration SETTLE_PAUSE = Duration.ofMillis(50);

    private final String firstCounter;
    private final String lastCounter;
    private final Duration period;
    private final long firstBase;
    private final long lastBase;
    private final Poller poller;
    private volatile long startedNanos = -1;
    private volatile long lastMovedNanos = -1;
    private volatile long cpuAtStartNanos;
    private volatile long cpuAtLastMoveNanos;
    private volatile long lastCount;

    /**
     * @param firstCounter counted by the job's first operator, for every input record
     * @param lastCounter  counted by the job's last operator before its sink
     * @param period       how often to read the counters: also the resolution of {@link #processingSeconds()}
     */
    ProgressClock(String firstCounter, String lastCounter, Duration period) {
        this.firstCounter = firstCounter;
        this.lastCounter = lastCounter;
        this.period = period;
        Map<String, Long> totals = InProcessCounters.totals();
        // Counters of earlier jobs in this JVM stay in the totals: only what moves from here on counts.
        this.firstBase = totals.getOrDefault(firstCounter, 0L);
        this.lastBase = totals.getOrDefault(lastCounter, 0L);
        this.lastCount = lastBase;
        poller = Poller.start("bench-progress-clock", period, () -> sample(true));
    }

    /** @param timed false once the job has ended: late readings fix the count, not the end of processing */
    private void sample(boolean timed) {
        Map<String, Long> totals = InProcessCounters.totals();
        long now = System.nanoTime();
        if (startedNanos < 0 && totals.getOrDefault(firstCounter, 0L) > firstBase) {
            startedNanos = now;
            cpuAtStartNanos = processCpuNanos();
        }
        long count = totals.getOrDefault(lastCounter, 0L);
        // Counts only grow; a lower reading is a finished task's counter caught between live and retired.
        if (count > lastCount) {
            lastCount = count;
            if (timed) {
                lastMovedNanos = now;
                cpuAtLastMoveNanos = processCpuNanos();
            }
        }
    }

    /** Seconds from the first input counted to the last output counted, or NaN if nothing moved. */
    double processingSeconds() {
        if (startedNanos < 0 || lastMovedNanos < 0) {
            return Double.NaN;
        }
        return Math.max(period.toMillis() / 1000.0, (lastMovedNanos - startedNanos) / 1e9);
    }

    /** CPU seconds of this whole process over {@link #processingSeconds()}. */
    double processingCpuSeconds() {
        if (startedNanos < 0 || lastMovedNanos < 0) {
            return Double.NaN;
        }
        return (cpuAtLastMoveNanos - cpuAtStartNanos) / 1e9;
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Outputs the last operator counted since this clock started. */
    long outputs() {
        return lastCount - lastBase;
    }

    /**
     * All counters' totals, once the last counter shows again what this clock saw of it: a finished task's counters
     * retire together as it closes, which may trail the job's end, so a total read in between misses that task.
     */
    Map<String, Long> settledTotals() {
        Map<String, Long> totals = InProcessCounters.totals();
        for (int attempt = 0; attempt < SETTLE_ATTEMPTS && totals.getOrDefault(lastCounter, 0L) < lastCount;
             attempt++) {
            LockSupport.parkNanos(SETTLE_PAUSE.toNanos());
            totals = InProcessCounters.totals();
        }
        return totals;
    }

    /** Stops polling, after a last few samples: the tasks' counters retire shortly after their job ends. */
    @Override
    public void close() {
        if (!poller.running()) {
            return;
        }
        poller.stop();
        try {
            for (int i = 0; i < FINAL_SAMPLES; i++) {
                sample(false);
                Thread.sleep(period.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
