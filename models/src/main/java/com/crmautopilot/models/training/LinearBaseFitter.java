package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureDef;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.FeatureType;
import com.crmautopilot.models.scoring.LinearBase;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits a {@link LinearBase}: an L2-regularized logistic regression on encoded rows, with standardized numbers
 * (missing values at the mean, plus a missing flag where the training rows had any) and one-hot categories (the
 * {@value #MAX_ONE_HOT} most frequent codes of each feature; other codes and missing values weigh nothing). Fitted
 * by Newton's method (IRLS) with step halving, since a full Newton step can overshoot on nearly separable data.
 *
 * <p>It is also the logistic baseline the trainer reports: simple, well understood, and often hard to beat.
 */
final class LinearBaseFitter {

    static final int MAX_ONE_HOT = 50;
    private static final int MAX_ITERATIONS = 50;
    private static final double TOLERANCE = 1e-7;

    private LinearBaseFitter() {
    }

    /** One feature's columns in the design matrix. */
    private static final class Slot {
        final int feature;
        final boolean categorical;
        double mean;
        double scale;
        int valueColumn = -1;
        int missingColumn = -1;
        int[] codeColumn; // categorical: design column per code, or -1

        Slot(int feature, boolean categorical) {
            this.feature = feature;
            this.categorical = categorical;
        }
    }

    static LinearBase fit(float[] x, int n, FeatureSpec spec, int[] y, double lambda) {
        int width = spec.size();
        List<Slot> slots = new ArrayList<>();
        int columns = 0;
        for (int f = 0; f < width; f++) {
            FeatureDef def = spec.feature(f);
            if (def.type() == FeatureType.CATEGORICAL) {
                Slot slot = new Slot(f, true);
                int[] counts = new int[def.vocabulary().size()];
                for (int r = 0; r < n; r++) {
                    float v = x[r * width + f];
                    if (!Float.isNaN(v) && v >= 0 && v < counts.length) {
                        counts[(int) v]++;
                    }
                }
                slot.codeColumn = new int[counts.length];
                Arrays.fill(slot.codeColumn, -1);
                int[] byFrequency = IntStream.range(0, counts.length).boxed().filter(c -> counts[c] > 0)
                        .sorted(Comparator.<Integer>comparingInt(c -> -counts[c]).thenComparingInt(c -> c))
                        .limit(MAX_ONE_HOT).mapToInt(Integer::intValue).toArray();
                for (int code : byFrequency) {
                    slot.codeColumn[code] = columns++;
                }
                if (byFrequency.length > 0) {
                    slots.add(slot);
                }
            } else {
                Slot slot = new Slot(f, false);
                double sum = 0;
                double sumSquares = 0;
                int present = 0;
                for (int r = 0; r < n; r++) {
                    float v = x[r * width + f];
                    if (!Float.isNaN(v)) {
                        sum += v;
                        sumSquares += (double) v * v;
                        present++;
                    }
                }
                slot.mean = present == 0 ? 0 : sum / present;
                double variance = present == 0 ? 0 : Math.max(0, sumSquares / present - slot.mean * slot.mean);
                slot.scale = variance > 1e-12 ? Math.sqrt(variance) : 0;
                if (slot.scale > 0) {
                    slot.valueColumn = columns++;
                }
                if (present < n) {
                    slot.missingColumn = columns++;
                }
                if (slot.valueColumn >= 0 || slot.missingColumn >= 0) {
                    slots.add(slot);
                }
            }
        }
        int intercept = columns;
        int d = columns + 1;

        // Sparse rows: one-hot designs are mostly zeros.
        int[][] index = new int[n][];
        double[][] value = new double[n][];
        int[] idx = new int[d];
        double[] val = new double[d];
        for (int r = 0; r < n; r++) {
            int k = 0;
            for (Slot s : slots) {
                float v = x[r * width + s.feature];
                if (s.categorical) {
                    if (!Float.isNaN(v) && v >= 0 && v < s.codeColumn.length && s.codeColumn[(int) v] >= 0) {
                        idx[k] = s.codeColumn[(int) v];
                        val[k++] = 1;
                    }
                } else if (Float.isNaN(v)) {
                    if (s.missingColumn >= 0) {
                        idx[k] = s.missingColumn;
                        val[k++] = 1;
                    }
                } else if (s.valueColumn >= 0) {
                    idx[k] = s.valueColumn;
                    val[k++] = clip((v - s.mean) / s.scale);
                }
            }
            idx[k] = intercept;
            val[k++] = 1;
            index[r] = Arrays.copyOf(idx, k);
            value[r] = Arrays.copyOf(val, k);
        }

        double[] w = new double[d];
        double rate = Math.max(1e-6, Math.min(1 - 1e-6, BinaryMetrics.mean(y)));
        w[intercept] = Math.log(rate / (1 - rate));
        double current = objective(w, index, value, y, lambda, intercept);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] gradient = new double[d];
            double[][] hessian = new double[d][d];
            for (int r = 0; r < n; r++) {
                int[] ix = index[r];
                double[] vx = value[r];
                double p = sigmoid(dot(w, ix, vx));
                double residual = p - y[r];
                double curvature = Math.max(p * (1 - p), 1e-10);
                for (int a = 0; a < ix.length; a++) {
                    gradient[ix[a]] += residual * vx[a];
                    double ca = curvature * vx[a];
                    for (int b = 0; b < ix.length; b++) {
                        if (ix[b] <= ix[a]) {
                            hessian[ix[a]][ix[b]] += ca * vx[b];
                        }
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    hessian[b][a] = hessian[a][b];
                }
                if (a != intercept) {
                    gradient[a] += lambda * w[a];
                    hessian[a][a] += lambda;
                }
                hessian[a][a] += 1e-9;
            }
            double[] step = Cholesky.solve(hessian, gradient);
            double[] next = new double[d];
            double scale = 1;
            double candidate = Double.POSITIVE_INFINITY;
            for (int halvings = 0; halvings < 40; halvings++, scale /= 2) {
                for (int a = 0; a < d; a++) {
                    next[a] = w[a] - scale * step[a];
                }
                candidate = objective(next, index, value, y, lambda, intercept);
                if (candidate <= current) {
                    break;
                }
            }
            if (!(candidate <= current)) {
                break; // no step improves: converged as far as floating point allows
            }
            double largest = 0;
            for (int a = 0; a < d; a++) {
                largest = Math.max(largest, Math.abs(next[a] - w[a]));
            }
            w = next;
            current = candidate;
            if (largest < TOLERANCE) {
                break;
            }
        }
        return toLinearBase(w, intercept, slots, x, n, width);
    }

    private static LinearBase toLinearBase(double[] w, int intercept, List<Slot> slots, float[] x, int n, int width) {
        List<LinearBase.Term> terms = new ArrayList<>();
        for (Slot s : slots) {
            LinearBase.Term term;
            if (s.categorical) {
                double[] weights = new double[s.codeColumn.length];
                for (int c = 0; c < weights.length; c++) {
                    weights[c] = s.codeColumn[c] >= 0 ? w[s.codeColumn[c]] : 0;
                }
                term = new LinearBase.Term(s.feature, 0, 0, 0, 0, weights, 0);
            } else {
                term = new LinearBase.Term(s.feature, s.mean, s.scale, s.valueColumn >= 0 ? w[s.valueColumn] : 0,
                        s.missingColumn >= 0 ? w[s.missingColumn] : 0, null, 0);
            }
            double sum = 0;
            for (int r = 0; r < n; r++) {
                sum += term.value(x[r * width + s.feature]);
            }
            terms.add(new LinearBase.Term(term.feature(), term.mean(), term.scale(), term.weight(), term.missingWeight(),
                    term.categoryWeights(), n == 0 ? 0 : sum / n));
        }
        return new LinearBase(w[intercept], terms);
    }

    private static double clip(double z) {
        return Math.max(-LinearBase.Z_CLIP, Math.min(LinearBase.Z_CLIP, z));
    }

    /** The penalized negative log-likelihood, computed stably from the margin. */
    private static double objective(double[] w, int[][] index, double[][] value, int[] y, double lambda, int intercept) {
        double sum = 0;
        for (int r = 0; r < index.length; r++) {
            double z = dot(w, index[r], value[r]);
            sum += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[r] * z;
        }
        double penalty = 0;
        for (int a = 0; a < w.length; a++) {
            if (a != intercept) {
                penalty += w[a] * w[a];
            }
        }
        return sum + lambda / 2 * penalty;
    }

    private static double dot(double[] w, int[] index, double[] value) {
        double s = 0;
        for (int k = 0; k < index.length; k++) {
            s += w[index[k]] * value[k];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** Solves a symmetric positive definite system. */
    static final class Cholesky {
        private Cholesky() {
        }

        static double[] solve(double[][] a, double[] b) {
            int n = b.length;
            double[][] l = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = a[i][j];
                    for (int k = 0; k < j; k++) {
                        s -= l[i][k] * l[j][k];
                    }
                    if (i == j) {
                        l[i][i] = Math.sqrt(Math.max(s, 1e-12));
                    } else {
                        l[i][j] = s / l[j][j];
                    }
                }
            }
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                double s = b[i];
                for (int k = 0; k < i; k++) {
                    s -= l[i][k] * z[k];
                }
                z[i] = s / l[i][i];
            }
            double[] out = new double[n];
            for (int i = n - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = i + 1; k < n; k++) {
                    s -= l[k][i] * out[k];
                }
                out[i] = s / l[i][i];
            }
            return out;
        }
    }
}
