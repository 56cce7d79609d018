package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.Calibration;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.scoring.Tier;
import com.crmautopilot.models.scoring.TierThresholds;

/** Turns margins and outcomes into {@link Metrics}, the same way for the trainer's holdout and the evaluator. */
final class MetricsCalculator {

    private MetricsCalculator() {
    }

    static double[] probabilities(float[] margins, Calibration calibration) {
        double[] p = new double[margins.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = calibration.probability(margins[i]);
        }
        return p;
    }

    static Metrics compute(float[] margins, int[] labels, Calibration calibration, TierThresholds tiers,
                           double decisionThreshold, Integer nTrain, String split, Double baselineAuc,
                           double[] trueProbabilities) {
        double[] p = probabilities(margins, calibration);
        double[] raw = probabilities(margins, new Calibration.Sigmoid());
        BinaryMetrics.Confusion atOperatingPoint = BinaryMetrics.at(p, labels, decisionThreshold);
        int hot = 0;
        int hotPositives = 0;
        int positives = 0;
        for (int i = 0; i < p.length; i++) {
            positives += labels[i];
            if (tiers.tierOf(p[i]) == Tier.HOT) {
                hot++;
                hotPositives += labels[i];
            }
        }
        Double oracle = null;
        if (trueProbabilities != null) {
            oracle = BinaryMetrics.auc(trueProbabilities, labels);
        }
        return new Metrics(
                BinaryMetrics.auc(p, labels),
                atOperatingPoint.precision(),
                atOperatingPoint.recall(),
                BinaryMetrics.logLoss(p, labels),
                BinaryMetrics.brier(p, labels),
                BinaryMetrics.ece(p, labels),
                BinaryMetrics.ece(raw, labels),
                hot == 0 ? null : (double) hotPositives / hot,
                positives == 0 ? null : (double) hotPositives / positives,
                (double) hot / p.length,
                (double) positives / p.length,
                decisionThreshold,
                nTrain,
                p.length,
                split,
                baselineAuc,
                oracle);
    }
}
