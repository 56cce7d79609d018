package com.crmautopilot.models.scoring;

import java.util.Arrays;

/**
 * Feature values before encoding, laid out in a spec's order: position {@code i} holds either text in
 * {@code categories[i]} (categorical features; null when missing) or a number in {@code numbers[i]} (numeric and
 * boolean features; NaN when missing). Two flat arrays keep it a plain record for Flink's serializers, and the
 * training-data job can emit it before any vocabulary exists.
 */
public record RawFeatures(double[] numbers, String[] categories) {

    public RawFeatures {
        if (numbers.length != categories.length) {
            throw new IllegalArgumentException("numbers and categories differ in length");
        }
    }

    public static RawFeatures empty(int size) {
        double[] numbers = new double[size];
        Arrays.fill(numbers, Double.NaN);
        return new RawFeatures(numbers, new String[size]);
    }

    public int size() {
        return numbers.length;
    }

    public boolean isMissing(int i) {
        return categories[i] == null && Double.isNaN(numbers[i]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawFeatures other && Arrays.equals(numbers, other.numbers)
                && Arrays.equals(categories, other.categories);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(numbers) + Arrays.hashCode(categories);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RawFeatures[");
        for (int i = 0; i < size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(categories[i] != null ? categories[i] : numbers[i]);
        }
        return sb.append(']').toString();
    }
}
