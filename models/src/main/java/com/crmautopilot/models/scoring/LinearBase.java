package com.crmautopilot.models.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Arrays;
import java.util.List;

/**
 * The linear part of a model: a logistic regression over the encoded features, which the trees are boosted on top
 * of (XGBoost's {@code base_margin}). Trees predict a constant beyond the range of values they were trained on; a
 * linear term carries a trend on, so when behaviour drifts past the training data (a new economic regime, a
 * campaign far bigger than any before) the model still ranks by it. The trees add the interactions and curves.
 *
 * <p>Each term depends on one feature, so its SHAP value is exact and simple: the term's value minus its mean over
 * the training rows.
 *
 * @param intercept the margin with every term at zero
 * @param terms     one per feature that carries weight
 */
public record LinearBase(double intercept, List<Term> terms) {

    /** Standardized values are clipped here, so one absurd input cannot swamp the score. */
    public static final double Z_CLIP = 10;

    public LinearBase {
        terms = List.copyOf(terms);
    }

    /**
     * One feature's term. A number contributes {@code weight * z}, with {@code z} its standardized value clipped
     * to ±{@value #Z_CLIP}, or {@code missingWeight} when missing. A category contributes the weight of its code,
     * and nothing when missing or outside the weighted codes.
     *
     * @param expected the term's mean over the training rows
     */
    public record Term(int feature, double mean, double scale, double weight, double missingWeight,
                       @JsonInclude(JsonInclude.Include.NON_NULL) double[] categoryWeights, double expected) {

        public double value(float x) {
            if (categoryWeights != null) {
                if (Float.isNaN(x)) {
                    return 0;
                }
                int code = (int) x;
                return code >= 0 && code < categoryWeights.length ? categoryWeights[code] : 0;
            }
            if (Float.isNaN(x)) {
                return missingWeight;
            }
            if (scale <= 0) {
                return 0;
            }
            double z = Math.max(-Z_CLIP, Math.min(Z_CLIP, (x - mean) / scale));
            return weight * z;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Term t && feature == t.feature && mean == t.mean && scale == t.scale
                    && weight == t.weight && missingWeight == t.missingWeight && expected == t.expected
                    && Arrays.equals(categoryWeights, t.categoryWeights);
        }

        @Override
        public int hashCode() {
            return 31 * Double.hashCode(weight) + feature + Arrays.hashCode(categoryWeights);
        }
    }

    public double margin(float[] row) {
        double m = intercept;
        for (Term t : terms) {
            m += t.value(row[t.feature()]);
        }
        return m;
    }

    /** The mean margin over the training rows. */
    public double expectedMargin() {
        double m = intercept;
        for (Term t : terms) {
            m += t.expected();
        }
        return m;
    }

    /** Adds each term's SHAP value (its value less its mean) to {@code phi}, indexed by feature. */
    public void addContributions(float[] row, double[] phi) {
        for (Term t : terms) {
            phi[t.feature()] += t.value(row[t.feature()]) - t.expected();
        }
    }

    /** The largest feature index any term reads, or -1. */
    public int maxFeature() {
        return terms.stream().mapToInt(Term::feature).max().orElse(-1);
    }
}
