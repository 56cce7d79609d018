package com.crmautopilot.simulator;

import com.crmautopilot.simulator.truth.GroundTruth;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The standard world (180 days, 3 tenants of 5,000 leads) streams quickly, in bounded memory. */
class StandardWorldScaleTest {

    @Test
    void theStandardWorldStreamsWellUnderAMinuteWithARealisticVolume() {
        long started = System.nanoTime();
        SimulationRun run = new Simulator(SimulatorConfig.defaults()).start();
        long bytes = 0;
        int maxPending = 0;
        while (run.hasNext()) {
            bytes += run.next().value().length;
            if (run.recordsEmitted() % 1000 == 0) {
                maxPending = Math.max(maxPending, run.pendingWork());
            }
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        GroundTruth truth = run.truth();

        assertThat(truth.records()).isBetween(500_000L, 3_000_000L);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(60));
        // Only live entities wait in the queue: a small fraction of the events of the run.
        assertThat(maxPending).isLessThan(60_000);
        assertThat(truth.leads()).hasSize(15_000);
        System.out.printf("standard world: %,d records (%,d MB) in %d ms, at most %,d pending%n",
                truth.records(), bytes >> 20, elapsed.toMillis(), maxPending);
    }
}
