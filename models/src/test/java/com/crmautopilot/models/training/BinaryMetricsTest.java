package com.crmautopilot.models.training;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BinaryMetricsTest {

    @Test
    void aucCountsOrderedPairsAndHalfOfTies() {
        // Pairs (positive, negative): (0.8, 0.1) right, (0.8, 0.4) right, (0.4, 0.1) right, (0.4, 0.4) tie.
        double[] scores = {0.8, 0.4, 0.4, 0.1};
        int[] labels = {1, 1, 0, 0};

        assertThat(BinaryMetrics.auc(scores, labels)).isEqualTo(3.5 / 4);
    }

    @Test
    void logLossBrierAndEceOfKnownValues() {
        double[] p = {0.9, 0.2, 0.6, 0.4};
        int[] y = {1, 0, 0, 1};

        assertThat(BinaryMetrics.logLoss(p, y)).isCloseTo(
                -(Math.log(0.9) + Math.log(0.8) + Math.log(0.4) + Math.log(0.4)) / 4, within(1e-12));
        assertThat(BinaryMetrics.brier(p, y)).isCloseTo((0.01 + 0.04 + 0.36 + 0.36) / 4, within(1e-12));
        // Bins: [0.2) 0.2 vs 0; [0.4) 0.4 vs 1; [0.6) 0.6 vs 0; [0.9) 0.9 vs 1.
        assertThat(BinaryMetrics.ece(p, y)).isCloseTo((0.2 + 0.6 + 0.6 + 0.1) / 4, within(1e-12));
    }

    @Test
    void precisionAndRecallAtAThreshold() {
        BinaryMetrics.Confusion c = BinaryMetrics.at(new double[]{0.9, 0.7, 0.6, 0.2}, new int[]{1, 0, 1, 1}, 0.6);

        assertThat(c.precision()).isEqualTo(2.0 / 3);
        assertThat(c.recall()).isEqualTo(2.0 / 3);
        assertThat(BinaryMetrics.at(new double[]{0.1}, new int[]{1}, 0.5).precision()).isNull();
    }
}
