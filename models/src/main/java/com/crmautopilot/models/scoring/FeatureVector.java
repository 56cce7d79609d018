package com.crmautopilot.models.scoring;

import java.util.Arrays;

/** An encoded model input: one float per feature of a {@link FeatureSpec}, NaN where the value is missing. */
public final class FeatureVector {

    private final float[] values;

    private FeatureVector(float[] values) {
        this.values = values;
    }

    /** Takes a copy of the values. */
    public static FeatureVector of(float... values) {
        return new FeatureVector(values.clone());
    }

    /** Adopts the array without a copy, for the hot path: the caller must not change it afterwards. */
    public static FeatureVector wrap(float[] values) {
        return new FeatureVector(values);
    }

    public int size() {
        return values.length;
    }

    public float get(int i) {
        return values[i];
    }

    public boolean isMissing(int i) {
        return Float.isNaN(values[i]);
    }

    public int missingCount() {
        int missing = 0;
        for (float v : values) {
            if (Float.isNaN(v)) {
                missing++;
            }
        }
        return missing;
    }

    /** A copy of the values. */
    public float[] toArray() {
        return values.clone();
    }

    /** The backing array, read-only by convention: scorers read it without copying. */
    float[] values() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
