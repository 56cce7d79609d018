package com.crmautopilot.cli.bench;

/** Samples used heap every 50 ms and keeps the peak; the whole process (broker and MiniCluster included). */
public final class HeapSampler implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakBytes;

    public HeapSampler() {
        thread = new Thread(this::sample, "heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        Runtime runtime = Runtime.getRuntime();
        while (running) {
            long used = runtime.totalMemory() - runtime.freeMemory();
            if (used > peakBytes) {
                peakBytes = used;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    public double peakMegabytes() {
        return peakBytes / (1024.0 * 1024.0);
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
