package com.crmautopilot.cli.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PhaseTest {

    @Test
    void theMeanOfTwoRunsAveragesTimesSoItsRateIsTheHarmonicMeanAndKeepsEveryThreadAndCounter() {
        Phase early = new Phase(20, 18, 40, 36, 4, 100, Map.of("stale_account", 10.0, "C2", 4.0),
                Map.of("events_in", 1_000L));
        Phase late = new Phase(10, 9, 20, 18, 0, 102, Map.of("stale_account", 6.0, "hot_lead", 2.0),
                Map.of("events_in", 1_000L, "profiles_in", 40L));

        Phase mean = Phase.meanOf(early, late);

        assertThat(mean.wallSeconds()).isEqualTo(15);
        // 1,000,000 records: 50,000 and 100,000 per second; the mean run does 66,667, not 75,000.
        assertThat(mean.perSecond(1_000_000)).isCloseTo(66_666.7, within(0.1));
        assertThat(mean.cpuSeconds()).isEqualTo(30);
        assertThat(mean.jitCpuSeconds()).isEqualTo(2);
        assertThat(mean.outputs()).isEqualTo(101);
        assertThat(mean.cpuByThread()).containsExactly(Map.entry("stale_account", 8.0), Map.entry("C2", 2.0),
                Map.entry("hot_lead", 1.0));
        assertThat(mean.counters()).containsEntry("events_in", 1_000L).containsEntry("profiles_in", 20L);
    }
}
