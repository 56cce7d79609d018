package com.crmautopilot.simulator.kafka;

/**
 * How fast to produce: as fast as possible, a steady number of records per wall-clock second, or event time
 * compressed by a factor (event-time seconds per wall second: 3600 plays an hour of the simulated world each
 * second, keeping its rhythm, its quiet nights and its campaign bursts).
 */
public record Pacing(Mode mode, double rate) {

    public enum Mode { UNLIMITED, EVENTS_PER_SECOND, TIME_COMPRESSION }

    public Pacing {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (mode != Mode.UNLIMITED && !(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException(mode + " needs a positive rate, got " + rate);
        }
    }

    public static Pacing unlimited() {
        return new Pacing(Mode.UNLIMITED, 0);
    }

    public static Pacing eventsPerSecond(double eventsPerSecond) {
        return new Pacing(Mode.EVENTS_PER_SECOND, eventsPerSecond);
    }

    /** @param eventSecondsPerWallSecond how many seconds of event time to play per second of wall time */
    public static Pacing timeCompression(double eventSecondsPerWallSecond) {
        return new Pacing(Mode.TIME_COMPRESSION, eventSecondsPerWallSecond);
    }
}
