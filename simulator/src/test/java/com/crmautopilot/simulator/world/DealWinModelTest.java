package com.crmautopilot.simulator.world;

import com.crmautopilot.simulator.random.Rng;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DealWinModelTest {

    @Test
    void theLogitIsTheDocumentedSumOfHealthComponents() {
        DealComponents strong = new DealComponents(StrictMath.E, true, true, true, 3, false, true, false);
        assertThat(DealWinModel.logit(strong)).isCloseTo(-1.9 + 1.6 + 1.5 + 0.8 + 0.9 + 0.6 + 1.2, within(1e-12));
        DealComponents weak = new DealComponents(1.0, false, false, false, 0, true, false, true);
        assertThat(DealWinModel.logit(weak)).isCloseTo(-1.9 - 1.2 - 2.0, within(1e-12));
        assertThat(DealWinModel.winProbability(strong)).isGreaterThan(0.95);
        assertThat(DealWinModel.winProbability(weak)).isLessThan(0.01);
    }

    @Test
    void betterDealsDrawHealthierComponents() {
        Rng rng = new Rng(3);
        int championsGood = 0;
        int championsBad = 0;
        for (int i = 0; i < 10_000; i++) {
            championsGood += DealWinModel.drawComponents(1.5, rng).champion() ? 1 : 0;
            championsBad += DealWinModel.drawComponents(-1.5, rng).champion() ? 1 : 0;
        }
        assertThat(championsGood).isGreaterThan(3 * championsBad);
    }
}
