package com.crmautopilot.cli.bench;

import java.time.Duration;

/**
 * A daemon thread that takes a sample at a fixed period until stopped. Daemon, so that a benchmark that fails half
 * way never keeps the JVM alive for a sampler nobody reads.
 */
final class Poller {

    private final Thread thread;
    private volatile boolean running = true;

    private Poller(String name, Duration period, Runnable sample) {
        long millis = period.toMillis();
        thread = new Thread(() -> {
            while (running) {
                sample.run();
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
    }

    static Poller start(String name, Duration period, Runnable sample) {
        Poller poller = new Poller(name, period, sample);
        poller.thread.start();
        return poller;
    }

    boolean running() {
        return running;
    }

    /** Waits (up to a second) for a sample in progress, so that any sample the owner takes next comes after it. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
