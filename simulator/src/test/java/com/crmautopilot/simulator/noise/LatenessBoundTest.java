package com.crmautopilot.simulator.noise;

import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Iterator;

import static org.assertj.core.api.Assertions.assertThat;

class LatenessBoundTest {

    @Test
    void heavyDisorderStillNeverExceedsATightBound() {
        SimulatorConfig config = SimulatorConfig.builder().days(10).tenants(2).leadsPerTenant(300)
                .accountsPerTenant(30).campaignsPerTenant(2)
                .outOfOrderFraction(0.3).duplicateFraction(0.2).malformedFraction(0)
                .maxLateness(Duration.ofSeconds(30)).build();
        long maxSeen = Long.MIN_VALUE;
        long maxLateness = 0;
        long late = 0;
        long total = 0;
        Iterator<SimulatedRecord> records = new Simulator(config).start();
        while (records.hasNext()) {
            SimulatedRecord r = records.next();
            total++;
            if (r.eventTimeMillis() < maxSeen) {
                late++;
                maxLateness = Math.max(maxLateness, maxSeen - r.eventTimeMillis());
            }
            maxSeen = Math.max(maxSeen, r.eventTimeMillis());
        }
        assertThat(maxLateness).isLessThanOrEqualTo(30_000).isGreaterThan(20_000);
        assertThat(late).isGreaterThan(total / 50);
    }
}
