package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.Tier;
import com.crmautopilot.models.scoring.TierThresholds;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TierPolicyTest {

    @Test
    void hotIsTheLargestTopSliceThatConvertsAtTheTargetPrecision() {
        Random random = new Random(11);
        int n = 4000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = Math.pow(random.nextDouble(), 3); // calibrated probabilities, mostly low
            y[i] = random.nextDouble() < p[i] ? 1 : 0;
        }
        TierPolicy policy = TierPolicy.defaults();

        TierThresholds tiers = policy.choose(p, y);

        BinaryMetrics.Confusion hot = BinaryMetrics.at(p, y, tiers.hot());
        assertThat(hot.precision()).isGreaterThanOrEqualTo(policy.hotPrecision());
        assertThat(hot.predictedPositive()).isBetween(policy.minHotRows(), (int) (policy.maxHotShare() * n));
        for (double lower : p) {
            BinaryMetrics.Confusion wider = BinaryMetrics.at(p, y, lower);
            if (lower < tiers.hot() && wider.predictedPositive() <= policy.maxHotShare() * n) {
                assertThat(wider.precision()).as("a lower cut-off %s would miss the target", lower)
                        .isLessThan(policy.hotPrecision());
            }
        }
        assertThat(tiers.warm()).isCloseTo(policy.warmLift() * BinaryMetrics.mean(y), org.assertj.core.api.Assertions.within(1e-12));
        assertThat(tiers.tierOf(0.99)).isEqualTo(Tier.HOT);
        assertThat(tiers.tierOf(0.0)).isEqualTo(Tier.COLD);
    }

    @Test
    void fallsBackToTheTopShareWhenNothingIsPreciseEnough() {
        int n = 1000;
        double[] p = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i / (double) n;
            y[i] = i % 10 == 0 ? 1 : 0; // 10% everywhere: no slice reaches 70%
        }

        TierThresholds tiers = TierPolicy.defaults().choose(p, y);

        assertThat(BinaryMetrics.at(p, y, tiers.hot()).predictedPositive()).isEqualTo(50);
    }
}
