package com.crmautopilot.models.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** Figures of merit for probabilities of a binary outcome. */
public final class BinaryMetrics {

    static final double PROBABILITY_FLOOR = 1e-15;
    public static final int CALIBRATION_BINS = 10;

    private BinaryMetrics() {
    }

    /** Area under the ROC curve, as the Mann-Whitney statistic with tied scores sharing their ranks. */
    public static double auc(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] order = sortedAscending(scores);
        double rankSumPositives = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSumPositives += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositives - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }

    public static double logLoss(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double q = Math.min(1 - PROBABILITY_FLOOR, Math.max(PROBABILITY_FLOOR, p[i]));
            sum -= y[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return sum / p.length;
    }

    public static double brier(double[] p, int[] y) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            double d = p[i] - y[i];
            sum += d * d;
        }
        return sum / p.length;
    }

    /** Expected calibration error: the row-weighted gap between mean probability and outcome rate per bin. */
    public static double ece(double[] p, int[] y) {
        double sum = 0;
        for (Bin bin : reliability(p, y, CALIBRATION_BINS)) {
            sum += bin.count() * Math.abs(bin.meanProbability() - bin.outcomeRate());
        }
        return sum / p.length;
    }

    /** A bin of a reliability diagram. */
    public record Bin(double lower, double upper, int count, double meanProbability, double outcomeRate) {
    }

    /** Equal-width probability bins; empty bins are left out. */
    public static List<Bin> reliability(double[] p, int[] y, int bins) {
        int[] count = new int[bins];
        double[] sumP = new double[bins];
        double[] sumY = new double[bins];
        for (int i = 0; i < p.length; i++) {
            int b = Math.min(bins - 1, Math.max(0, (int) (p[i] * bins)));
            count[b]++;
            sumP[b] += p[i];
            sumY[b] += y[i];
        }
        List<Bin> out = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                out.add(new Bin((double) b / bins, (double) (b + 1) / bins, count[b], sumP[b] / count[b], sumY[b] / count[b]));
            }
        }
        return out;
    }

    /** Precision and recall of "predicted positive when p >= threshold"; precision is null when nothing is. */
    public record Confusion(int truePositives, int falsePositives, int falseNegatives, int predictedPositive) {
        public Double precision() {
            return predictedPositive == 0 ? null : (double) truePositives / predictedPositive;
        }

        public Double recall() {
            int positives = truePositives + falseNegatives;
            return positives == 0 ? null : (double) truePositives / positives;
        }
    }

    public static Confusion at(double[] p, int[] y, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < p.length; i++) {
            boolean predicted = p[i] >= threshold;
            if (predicted && y[i] == 1) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (y[i] == 1) {
                fn++;
            }
        }
        return new Confusion(tp, fp, fn, tp + fp);
    }

    /** ROC points (false positive rate, true positive rate), at most {@code maxPoints} of them, for plotting. */
    public static List<double[]> rocCurve(double[] scores, int[] labels, int maxPoints) {
        Integer[] order = sortedAscending(scores);
        int n = scores.length;
        long positives = Arrays.stream(labels).filter(l -> l == 1).count();
        long negatives = n - positives;
        List<double[]> points = new ArrayList<>();
        points.add(new double[]{0, 0});
        long tp = 0;
        long fp = 0;
        int step = Math.max(1, n / maxPoints);
        for (int k = n - 1, seen = 0; k >= 0; k--, seen++) {
            if (labels[order[k]] == 1) {
                tp++;
            } else {
                fp++;
            }
            boolean boundary = k == 0 || scores[order[k - 1]] != scores[order[k]];
            if (boundary && (seen % step == 0 || k == 0)) {
                points.add(new double[]{negatives == 0 ? 0 : (double) fp / negatives, positives == 0 ? 0 : (double) tp / positives});
            }
        }
        points.add(new double[]{1, 1});
        return points;
    }

    static Integer[] sortedAscending(double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        return order;
    }

    public static double mean(int[] y) {
        return Arrays.stream(y).average().orElse(Double.NaN);
    }
}
