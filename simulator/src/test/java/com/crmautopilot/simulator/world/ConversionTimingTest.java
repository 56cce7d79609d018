package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConversionTimingTest {

    @Test
    void theHorizonOracleMatchesTheProcessItDescribes() {
        // Simulate leads with p = 0.3 and count, among those still open at age 10 days, who converts by day 40.
        Rng rng = new Rng(1);
        double p = 0.3;
        int open = 0;
        int convertedInHorizon = 0;
        for (int i = 0; i < 400_000; i++) {
            boolean converts = rng.chance(p);
            double convertAt = converts ? ConversionTiming.drawConversionDelayDays(rng) : Double.POSITIVE_INFINITY;
            double disqualifyAt = !converts && rng.chance(ConversionTiming.DISQUALIFY_PROBABILITY)
                    ? ConversionTiming.drawDisqualificationDelayDays(rng) : Double.POSITIVE_INFINITY;
            if (convertAt > 10 && disqualifyAt > 10) {
                open++;
                if (convertAt <= 40) {
                    convertedInHorizon++;
                }
            }
        }
        double simulated = convertedInHorizon / (double) open;
        assertThat(ConversionTiming.probabilityConvertsWithin(p, 10, 30)).isCloseTo(simulated, within(0.005));
    }

    @Test
    void theOracleGrowsWithPropensityAndHorizon() {
        assertThat(ConversionTiming.probabilityConvertsWithin(0.6, 5, 30))
                .isGreaterThan(ConversionTiming.probabilityConvertsWithin(0.2, 5, 30));
        assertThat(ConversionTiming.probabilityConvertsWithin(0.4, 5, 60))
                .isGreaterThan(ConversionTiming.probabilityConvertsWithin(0.4, 5, 30));
        assertThat(ConversionTiming.probabilityConvertsWithin(0.0, 5, 30)).isZero();
        assertThat(ConversionTiming.conversionDelayCdf(0.5)).isZero();
        assertThat(ConversionTiming.conversionDelayCdf(365)).isCloseTo(1.0, within(1e-9));
    }
}
