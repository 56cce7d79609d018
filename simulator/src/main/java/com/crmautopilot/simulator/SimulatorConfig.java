package com.crmautopilot.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * Everything that shapes a simulated world. The same config (seed included) always produces the same bytes.
 *
 * @param seed                the world seed
 * @param start               the first instant of simulated (event) time
 * @param days                how many days of event time to simulate
 * @param tenants             number of tenants ({@code t1}, {@code t2}, ...)
 * @param leadsPerTenant      leads created per tenant over the period
 * @param repsPerTenant       sales reps (users) per tenant
 * @param accountsPerTenant   accounts that exist at the start (more appear as leads convert)
 * @param campaignsPerTenant  email campaigns per tenant, spread over the period
 * @param outOfOrderFraction  share of clean records emitted late (by at most {@code maxLateness} of event time)
 * @param duplicateFraction   share of clean records emitted a second time, byte for byte, within {@code maxLateness}
 * @param malformedFraction   share of clean records that get a malformed extra record beside them
 * @param maxLateness         the out-of-order bound, in event time
 * @param heartbeatInterval   one {@code system.heartbeat} per tenant at every multiple of this, in event time
 * @param maxRecords          stop after this many records (clean and noise together); {@link #NO_LIMIT} for none
 */
public record SimulatorConfig(
        long seed,
        Instant start,
        int days,
        int tenants,
        int leadsPerTenant,
        int repsPerTenant,
        int accountsPerTenant,
        int campaignsPerTenant,
        double outOfOrderFraction,
        double duplicateFraction,
        double malformedFraction,
        Duration maxLateness,
        Duration heartbeatInterval,
        long maxRecords) {

    public static final long NO_LIMIT = Long.MAX_VALUE;
    public static final Instant DEFAULT_START = Instant.parse("2026-01-05T00:00:00Z");

    public SimulatorConfig {
        require(start != null, "start is required");
        require(days >= 1 && days <= 3660, "days must be in [1, 3660], got " + days);
        require(tenants >= 1 && tenants <= 999, "tenants must be in [1, 999], got " + tenants);
        require(leadsPerTenant >= 0 && leadsPerTenant <= 10_000_000, "leadsPerTenant must be in [0, 10M], got " + leadsPerTenant);
        require(repsPerTenant >= 1 && repsPerTenant <= 10_000, "repsPerTenant must be in [1, 10000], got " + repsPerTenant);
        require(accountsPerTenant >= 1 && accountsPerTenant <= 1_000_000, "accountsPerTenant must be in [1, 1M], got " + accountsPerTenant);
        require(campaignsPerTenant >= 0 && campaignsPerTenant <= 10_000, "campaignsPerTenant must be in [0, 10000], got " + campaignsPerTenant);
        requireFraction("outOfOrderFraction", outOfOrderFraction);
        requireFraction("duplicateFraction", duplicateFraction);
        requireFraction("malformedFraction", malformedFraction);
        require(maxLateness != null && !maxLateness.isNegative(), "maxLateness must be zero or positive, got " + maxLateness);
        require(outOfOrderFraction == 0 && duplicateFraction == 0 || maxLateness.toMillis() >= 1,
                "maxLateness must be at least 1 ms when out-of-order or duplicate records are asked for");
        require(heartbeatInterval != null && heartbeatInterval.toMillis() >= 1000,
                "heartbeatInterval must be at least 1 s, got " + heartbeatInterval);
        require(maxRecords >= 1, "maxRecords must be positive, got " + maxRecords);
    }

    public static SimulatorConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .seed(seed).start(start).days(days).tenants(tenants).leadsPerTenant(leadsPerTenant)
                .repsPerTenant(repsPerTenant).accountsPerTenant(accountsPerTenant).campaignsPerTenant(campaignsPerTenant)
                .outOfOrderFraction(outOfOrderFraction).duplicateFraction(duplicateFraction)
                .malformedFraction(malformedFraction).maxLateness(maxLateness).heartbeatInterval(heartbeatInterval)
                .maxRecords(maxRecords);
    }

    /** A copy with no noise at all: only the clean, ordered stream. */
    public SimulatorConfig withoutNoise() {
        return toBuilder().outOfOrderFraction(0).duplicateFraction(0).malformedFraction(0).build();
    }

    public Instant end() {
        return start.plus(Duration.ofDays(days));
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static void requireFraction(String name, double value) {
        require(value >= 0 && value <= 0.5, name + " must be in [0, 0.5], got " + value);
    }

    /** Defaults: the standard world of the benchmarks and the training data (180 days, 3 tenants of 5,000 leads). */
    public static final class Builder {
        private long seed = 42;
        private Instant start = DEFAULT_START;
        private int days = 180;
        private int tenants = 3;
        private int leadsPerTenant = 5000;
        private int repsPerTenant = 8;
        private int accountsPerTenant = 300;
        private int campaignsPerTenant = 16;
        private double outOfOrderFraction = 0.01;
        private double duplicateFraction = 0.005;
        private double malformedFraction = 0.002;
        private Duration maxLateness = Duration.ofMinutes(10);
        private Duration heartbeatInterval = Duration.ofMinutes(15);
        private long maxRecords = NO_LIMIT;

        private Builder() {
        }

        public Builder seed(long seed) { this.seed = seed; return this; }
        public Builder start(Instant start) { this.start = start; return this; }
        public Builder days(int days) { this.days = days; return this; }
        public Builder tenants(int tenants) { this.tenants = tenants; return this; }
        public Builder leadsPerTenant(int leads) { this.leadsPerTenant = leads; return this; }
        public Builder repsPerTenant(int reps) { this.repsPerTenant = reps; return this; }
        public Builder accountsPerTenant(int accounts) { this.accountsPerTenant = accounts; return this; }
        public Builder campaignsPerTenant(int campaigns) { this.campaignsPerTenant = campaigns; return this; }
        public Builder outOfOrderFraction(double fraction) { this.outOfOrderFraction = fraction; return this; }
        public Builder duplicateFraction(double fraction) { this.duplicateFraction = fraction; return this; }
        public Builder malformedFraction(double fraction) { this.malformedFraction = fraction; return this; }
        public Builder maxLateness(Duration bound) { this.maxLateness = bound; return this; }
        public Builder heartbeatInterval(Duration interval) { this.heartbeatInterval = interval; return this; }
        public Builder maxRecords(long max) { this.maxRecords = max; return this; }

        public SimulatorConfig build() {
            return new SimulatorConfig(seed, start, days, tenants, leadsPerTenant, repsPerTenant, accountsPerTenant,
                    campaignsPerTenant, outOfOrderFraction, duplicateFraction, malformedFraction, maxLateness,
                    heartbeatInterval, maxRecords);
        }
    }
}
