package com.crmautopilot.cli.bench;

import com.crmautopilot.operators.metrics.InProcessCounters;

import java.lang.management.ManagementFactory;
import java.util.Map;

/**
 * Times a job's processing from its own counters: from the moment the first operator has counted a record to the
 * last time the last operator's count moved. Unlike submission-to-end wall time, this leaves out job start-up (task
 * deployment, sink transaction set-up) and the final exactly-once commit, which are fixed costs of a run, not of an
 * event. Counters are polled every few milliseconds, which bounds the error.
 */
final class ProgressClock implements AutoCloseable {

    private static final long POLL_MILLIS = 10;

    private final String firstCounter;
    private final String lastCounter;
    private final long firstBase;
    private final long lastBase;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long startedNanos = -1;
    private volatile long lastMovedNanos = -1;
    private volatile long cpuAtStartNanos;
    private volatile long cpuAtLastMoveNanos;
    private volatile long lastCount;

    /**
     * @param firstCounter counted by the job's first operator, for every input record
     * @param lastCounter  counted by the job's last operator before its sink
     */
    ProgressClock(String firstCounter, String lastCounter) {
        this.firstCounter = firstCounter;
        this.lastCounter = lastCounter;
        Map<String, Long> totals = InProcessCounters.totals();
        // Counters of earlier jobs in this JVM stay in the totals: only what moves from here on counts.
        this.firstBase = totals.getOrDefault(firstCounter, 0L);
        this.lastBase = totals.getOrDefault(lastCounter, 0L);
        this.lastCount = lastBase;
        thread = new Thread(this::poll, "bench-progress-clock");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll() {
        while (running) {
            sample(true);
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
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
        return Math.max(POLL_MILLIS / 1000.0, (lastMovedNanos - startedNanos) / 1e9);
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

    /** Stops polling, after a last few samples: the tasks' counters retire shortly after their job ends. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
            for (int i = 0; i < 10; i++) {
                sample(false);
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
