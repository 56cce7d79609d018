package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.TierThresholds;

/**
 * Chooses the tier thresholds on validation rows (calibrated probabilities and outcomes).
 *
 * <ul>
 *   <li>Hot: the lowest threshold whose tier, on validation, converts at {@code hotPrecision} or better, holds at
 *   least {@code minHotRows} rows and at most {@code maxHotShare} of all rows. Hot means "call now", so it must be
 *   both right and short. When no threshold reaches the precision, the top {@code fallbackHotShare} is hot.</li>
 *   <li>Warm: at least {@code warmLift} times as likely to convert as the average lead, and below hot.</li>
 *   <li>Cold: the rest.</li>
 * </ul>
 */
public record TierPolicy(double hotPrecision, int minHotRows, double maxHotShare, double fallbackHotShare,
                         double warmLift) {

    public static TierPolicy defaults() {
        return new TierPolicy(0.70, 20, 0.20, 0.05, 1.5);
    }

    public TierThresholds choose(double[] probabilities, int[] labels) {
        int n = probabilities.length;
        Integer[] order = BinaryMetrics.sortedAscending(probabilities);
        int maxHot = Math.max(1, (int) Math.floor(maxHotShare * n));
        int minHot = Math.min(n, Math.max(1, minHotRows));
        double hot = Double.NaN;
        int taken = 0;
        int positives = 0;
        // Walk down from the highest probability; a threshold can only sit between distinct values.
        for (int k = n - 1; k >= 0 && taken < maxHot; ) {
            double value = probabilities[order[k]];
            int j = k;
            while (j >= 0 && probabilities[order[j]] == value) {
                positives += labels[order[j]];
                taken++;
                j--;
            }
            if (taken > maxHot) {
                break;
            }
            if (taken >= minHot && (double) positives / taken >= hotPrecision) {
                hot = value;
            }
            k = j;
        }
        if (Double.isNaN(hot)) {
            int top = Math.max(minHot, (int) Math.ceil(fallbackHotShare * n));
            hot = probabilities[order[Math.max(0, n - Math.min(n, top))]];
        }
        double warm = Math.min(hot, warmLift * BinaryMetrics.mean(labels));
        return new TierThresholds(Math.min(1, hot), Math.max(0, warm));
    }
}
