package com.crmautopilot.models.scoring;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.Arrays;

/**
 * Maps a model's margin to a calibrated probability: among leads given 0.3, about 30% convert. The trees' own
 * sigmoid is often over- or under-confident, and tiers and scores are only meaningful on a calibrated scale.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "method")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Calibration.Sigmoid.class, name = "sigmoid"),
        @JsonSubTypes.Type(value = Calibration.Platt.class, name = "platt"),
        @JsonSubTypes.Type(value = Calibration.Isotonic.class, name = "isotonic")})
public sealed interface Calibration {

    /** The calibrated probability of a margin; non-decreasing in the margin. */
    double probability(double margin);

    String method();

    static double sigmoid(double margin) {
        return 1.0 / (1.0 + Math.exp(-margin));
    }

    /** No calibration: XGBoost's own probability. */
    record Sigmoid() implements Calibration {
        @Override
        public double probability(double margin) {
            return sigmoid(margin);
        }

        @Override
        public String method() {
            return "sigmoid";
        }
    }

    /** Platt scaling: a logistic curve refitted on the margin, {@code p = sigmoid(a * margin + b)}. */
    record Platt(double a, double b) implements Calibration {
        @Override
        public double probability(double margin) {
            return sigmoid(a * margin + b);
        }

        @Override
        public String method() {
            return "platt";
        }
    }

    /**
     * Isotonic regression, linearly interpolated between knots and flat beyond them. Knots sit at the mean margin
     * of each pooled block, so the curve rises strictly between the first and last knot and keeps the ranking
     * almost intact, where a step function would tie whole blocks.
     *
     * @param margins       knot margins, strictly increasing
     * @param probabilities knot probabilities, non-decreasing
     */
    record Isotonic(double[] margins, double[] probabilities) implements Calibration {

        public Isotonic {
            if (margins.length == 0 || margins.length != probabilities.length) {
                throw new IllegalArgumentException("isotonic calibration needs matching, non-empty knots");
            }
        }

        @Override
        public double probability(double margin) {
            int n = margins.length;
            if (Double.isNaN(margin)) {
                return Double.NaN;
            }
            if (margin <= margins[0]) {
                return probabilities[0];
            }
            if (margin >= margins[n - 1]) {
                return probabilities[n - 1];
            }
            int hi = Arrays.binarySearch(margins, margin);
            if (hi >= 0) {
                return probabilities[hi];
            }
            hi = -hi - 1;
            int lo = hi - 1;
            double t = (margin - margins[lo]) / (margins[hi] - margins[lo]);
            return probabilities[lo] + t * (probabilities[hi] - probabilities[lo]);
        }

        @Override
        public String method() {
            return "isotonic";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Isotonic other && Arrays.equals(margins, other.margins)
                    && Arrays.equals(probabilities, other.probabilities);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(margins) + Arrays.hashCode(probabilities);
        }

        @Override
        public String toString() {
            return "Isotonic[" + margins.length + " knots]";
        }
    }
}
