package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.Calibration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Fits calibrations on held-out margins and picks one. Isotonic regression bends to any monotone shape but
 * overfits small samples; Platt scaling only stretches and shifts the sigmoid but is stable. Which is better
 * depends on the data, so both (and the uncalibrated sigmoid) are scored by cross-validated log loss on the
 * validation rows, and the winner is refitted on all of them.
 */
public final class Calibrators {

    /** Isotonic knots are kept this far from 0 and 1: a certain-looking score is never certain. */
    static final double ISOTONIC_FLOOR = 1e-3;
    static final int FOLDS = 5;

    private Calibrators() {
    }

    /** The chosen calibration and every candidate's cross-validated log loss. */
    public record Choice(Calibration calibration, Map<String, Double> crossValidatedLogLoss) {
    }

    public static Choice choose(double[] margins, int[] labels, long seed) {
        Map<String, BiFunction<double[], int[], Calibration>> candidates = new LinkedHashMap<>();
        candidates.put("sigmoid", (m, y) -> new Calibration.Sigmoid());
        candidates.put("platt", Calibrators::platt);
        candidates.put("isotonic", Calibrators::isotonic);
        int n = margins.length;
        int[] fold = new int[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(order), new Random(seed));
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % FOLDS;
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        String best = "sigmoid";
        for (Map.Entry<String, BiFunction<double[], int[], Calibration>> candidate : candidates.entrySet()) {
            double loss = 0;
            for (int k = 0; k < FOLDS; k++) {
                List<Integer> in = new ArrayList<>();
                List<Integer> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    (fold[i] == k ? out : in).add(i);
                }
                Calibration c = candidate.getValue().apply(pick(margins, in), pick(labels, in));
                double[] p = new double[out.size()];
                for (int i = 0; i < p.length; i++) {
                    p[i] = c.probability(margins[out.get(i)]);
                }
                loss += BinaryMetrics.logLoss(p, pick(labels, out)) * out.size();
            }
            losses.put(candidate.getKey(), loss / n);
            if (loss / n < losses.get(best)) {
                best = candidate.getKey();
            }
        }
        return new Choice(candidates.get(best).apply(margins, labels), losses);
    }

    /**
     * Platt scaling by Newton's method, with Platt's smoothed targets (positives aim at (N+ + 1)/(N+ + 2),
     * negatives at 1/(N- + 2)) so that separable data does not drive the slope to infinity.
     */
    public static Calibration.Platt platt(double[] margins, int[] labels) {
        int positives = 0;
        for (int y : labels) {
            positives += y;
        }
        int negatives = labels.length - positives;
        double hi = (positives + 1.0) / (positives + 2.0);
        double lo = 1.0 / (negatives + 2.0);
        double a = 1;
        double b = 0;
        for (int iteration = 0; iteration < 100; iteration++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < margins.length; i++) {
                double p = Calibration.sigmoid(a * margins[i] + b);
                double t = labels[i] == 1 ? hi : lo;
                double r = p - t;
                double w = Math.max(p * (1 - p), 1e-12);
                ga += r * margins[i];
                gb += r;
                haa += w * margins[i] * margins[i];
                hab += w * margins[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-10 && Math.abs(db) < 1e-10) {
                break;
            }
        }
        return new Calibration.Platt(a, b);
    }

    /** Isotonic regression by pool-adjacent-violators, with knots at each pooled block's mean margin. */
    public static Calibration.Isotonic isotonic(double[] margins, int[] labels) {
        Integer[] order = BinaryMetrics.sortedAscending(margins);
        int n = margins.length;
        // Blocks as parallel stacks: total weight, label sum, margin sum, smallest margin. Rows with the same
        // margin are one point, so they always share a block.
        double[] weight = new double[n];
        double[] labelSum = new double[n];
        double[] marginSum = new double[n];
        double[] smallest = new double[n];
        int blocks = 0;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            if (blocks > 0 && smallest[blocks - 1] == margins[i]) {
                weight[blocks - 1] += 1;
                labelSum[blocks - 1] += labels[i];
                marginSum[blocks - 1] += margins[i];
            } else {
                weight[blocks] = 1;
                labelSum[blocks] = labels[i];
                marginSum[blocks] = margins[i];
                smallest[blocks] = margins[i];
                blocks++;
            }
            while (blocks > 1 && labelSum[blocks - 2] / weight[blocks - 2] >= labelSum[blocks - 1] / weight[blocks - 1]) {
                weight[blocks - 2] += weight[blocks - 1];
                labelSum[blocks - 2] += labelSum[blocks - 1];
                marginSum[blocks - 2] += marginSum[blocks - 1];
                blocks--;
            }
        }
        double[] knots = new double[blocks];
        double[] probabilities = new double[blocks];
        for (int b = 0; b < blocks; b++) {
            knots[b] = marginSum[b] / weight[b];
            probabilities[b] = Math.min(1 - ISOTONIC_FLOOR, Math.max(ISOTONIC_FLOOR, labelSum[b] / weight[b]));
        }
        return new Calibration.Isotonic(knots, probabilities);
    }

    private static double[] pick(double[] values, List<Integer> rows) {
        double[] out = new double[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[rows.get(i)];
        }
        return out;
    }

    private static int[] pick(int[] values, List<Integer> rows) {
        int[] out = new int[rows.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[rows.get(i)];
        }
        return out;
    }
}
