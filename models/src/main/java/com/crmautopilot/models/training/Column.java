package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureType;

import java.util.Objects;

/**
 * One feature column of a {@link Dataset}: numbers (numeric and boolean columns, NaN for missing) or texts
 * (categorical columns, null for missing).
 */
public record Column(String name, FeatureType type, double[] numbers, String[] texts) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if ((type == FeatureType.CATEGORICAL) != (texts != null) || (numbers == null) == (texts == null)) {
            throw new IllegalArgumentException("column " + name + ": categorical columns hold texts, others numbers");
        }
    }

    public static Column numeric(String name, double[] values) {
        return new Column(name, FeatureType.NUMERIC, values, null);
    }

    public static Column bool(String name, double[] values) {
        return new Column(name, FeatureType.BOOLEAN, values, null);
    }

    public static Column categorical(String name, String[] values) {
        return new Column(name, FeatureType.CATEGORICAL, null, values);
    }

    public int size() {
        return texts != null ? texts.length : numbers.length;
    }

    public boolean isMissing(int row) {
        return texts != null ? texts[row] == null : Double.isNaN(numbers[row]);
    }

    /** A column of the same values restricted to some rows. */
    Column select(int[] rows) {
        if (texts != null) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = texts[rows[i]];
            }
            return new Column(name, type, null, out);
        }
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = numbers[rows[i]];
        }
        return new Column(name, type, out, null);
    }
}
