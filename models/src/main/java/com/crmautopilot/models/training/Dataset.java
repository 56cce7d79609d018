package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureDef;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.FeatureType;
import com.crmautopilot.models.scoring.RawFeatures;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Labelled rows to train or evaluate on, held by column. Built by {@link CsvImporter} from a tabular export, or
 * with {@link #builder} from point-in-time feature snapshots ({@link #fromRawFeatures}).
 *
 * <p>Order in time comes from {@code times} (epoch milliseconds) when the data has a time column, or from the row
 * order itself when {@code rowOrderIsTime} says the rows are already chronological (as in bank-marketing); without
 * either the trainer splits at random, stratified by label.
 */
public final class Dataset {

    private final String source;
    private final String labelName;
    private final List<Column> columns;
    private final int[] labels;
    private final String idName;
    private final String[] ids;
    private final String timeName;
    private final long[] times;
    private final boolean rowOrderIsTime;
    private final double[] trueProbabilities;
    private final FeatureSpec template;
    private final List<String> warnings;

    private Dataset(Builder b) {
        this.source = b.source;
        this.labelName = b.labelName;
        this.columns = List.copyOf(b.columns);
        this.labels = Objects.requireNonNull(b.labels, "labels");
        this.idName = b.idName;
        this.ids = b.ids;
        this.timeName = b.timeName;
        this.times = b.times;
        this.rowOrderIsTime = b.rowOrderIsTime;
        this.trueProbabilities = b.trueProbabilities;
        this.template = b.template;
        this.warnings = List.copyOf(b.warnings);
        int n = labels.length;
        for (Column column : columns) {
            check(column.size() == n, "column " + column.name() + " has " + column.size() + " rows, the labels " + n);
        }
        check(ids == null || ids.length == n, "ids and labels differ in length");
        check(times == null || times.length == n, "times and labels differ in length");
        check(trueProbabilities == null || trueProbabilities.length == n, "true probabilities and labels differ in length");
        for (int label : labels) {
            check(label == 0 || label == 1, "labels must be 0 or 1");
        }
        Map<String, Boolean> names = new HashMap<>();
        for (Column column : columns) {
            check(names.put(column.name(), true) == null, "column " + column.name() + " appears twice");
        }
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    public static Builder builder(String source) {
        return new Builder(source);
    }

    /**
     * Rows of raw features laid out by {@code template} (as {@link com.crmautopilot.models.scoring.LeadFeatures#from}
     * produces them), with their labels. The template travels with the data, so training keeps its names, types,
     * order and any fixed vocabularies.
     */
    public static Builder fromRawFeatures(String source, FeatureSpec template, List<RawFeatures> rows, int[] labels) {
        int n = rows.size();
        Builder builder = builder(source).labels(labels).template(template);
        for (int f = 0; f < template.size(); f++) {
            FeatureDef def = template.feature(f);
            if (def.type() == FeatureType.CATEGORICAL) {
                String[] texts = new String[n];
                for (int r = 0; r < n; r++) {
                    RawFeatures raw = rows.get(r);
                    texts[r] = raw.categories()[f] != null ? raw.categories()[f]
                            : Double.isNaN(raw.numbers()[f]) ? null : formatNumber(raw.numbers()[f]);
                }
                builder.column(Column.categorical(def.name(), texts));
            } else {
                double[] numbers = new double[n];
                for (int r = 0; r < n; r++) {
                    numbers[r] = rows.get(r).numbers()[f];
                }
                builder.column(new Column(def.name(), def.type(), numbers, null));
            }
        }
        return builder;
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    public String source() {
        return source;
    }

    public String labelName() {
        return labelName;
    }

    public int size() {
        return labels.length;
    }

    public List<Column> columns() {
        return columns;
    }

    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    public int[] labels() {
        return labels;
    }

    public String idName() {
        return idName;
    }

    public String[] ids() {
        return ids;
    }

    public String timeName() {
        return timeName;
    }

    /** Epoch milliseconds per row, or null without a time column. */
    public long[] times() {
        return times;
    }

    public boolean rowOrderIsTime() {
        return rowOrderIsTime;
    }

    /** The true conversion probabilities when known (simulator data), else null. */
    public double[] trueProbabilities() {
        return trueProbabilities;
    }

    /** The feature spec shape the rows were built for, or null for columns inferred from a file. */
    public FeatureSpec template() {
        return template;
    }

    /** Things worth telling the user that did not stop the import. */
    public List<String> warnings() {
        return warnings;
    }

    public double positiveRate() {
        return labels.length == 0 ? 0 : Arrays.stream(labels).average().orElse(0);
    }

    /** The rows' time range as text: instants with a time column, row numbers otherwise. */
    String describeTime(int row) {
        return times != null ? Instant.ofEpochMilli(times[row]).toString() : "row " + (row + 1);
    }

    /**
     * Encodes rows with a spec into a row-major matrix of {@code rows.length * spec.size()} floats. Columns are
     * matched by name; a column the data lacks is missing in every row, and each value is converted to the spec's
     * type (a category outside the vocabulary is missing).
     */
    public float[] encode(FeatureSpec spec, int[] rows) {
        int width = spec.size();
        float[] out = new float[rows.length * width];
        Arrays.fill(out, Float.NaN);
        for (int f = 0; f < width; f++) {
            FeatureDef def = spec.feature(f);
            Column column = column(def.name());
            if (column == null) {
                continue;
            }
            for (int i = 0; i < rows.length; i++) {
                int r = rows[i];
                out[i * width + f] = column.texts() != null ? def.encodeText(column.texts()[r])
                        : def.encodeNumber(column.numbers()[r]);
            }
        }
        return out;
    }

    /** Names of the spec's features this data has no column for. */
    public List<String> absentFeatures(FeatureSpec spec) {
        List<String> absent = new ArrayList<>();
        for (String name : spec.names()) {
            if (column(name) == null) {
                absent.add(name);
            }
        }
        return absent;
    }

    /** The same data restricted to some rows, in the order given. */
    public Dataset subset(int[] rows) {
        Builder b = builder(source).labelName(labelName).rowOrderIsTime(rowOrderIsTime).template(template);
        columns.forEach(c -> b.column(c.select(rows)));
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = labels[rows[i]];
        }
        b.labels(y);
        if (ids != null) {
            String[] out = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = ids[rows[i]];
            }
            b.ids(idName, out);
        }
        if (times != null) {
            long[] out = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = times[rows[i]];
            }
            b.times(timeName, out);
        }
        if (trueProbabilities != null) {
            double[] out = new double[rows.length];
            for (int i = 0; i < rows.length; i++) {
                out[i] = trueProbabilities[rows[i]];
            }
            b.trueProbabilities(out);
        }
        warnings.forEach(b::warning);
        return b.build();
    }

    public static int[] allRows(int n) {
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            rows[i] = i;
        }
        return rows;
    }

    public static final class Builder {
        private final String source;
        private String labelName = "label";
        private final List<Column> columns = new ArrayList<>();
        private int[] labels;
        private String idName;
        private String[] ids;
        private String timeName;
        private long[] times;
        private boolean rowOrderIsTime;
        private double[] trueProbabilities;
        private FeatureSpec template;
        private final List<String> warnings = new ArrayList<>();

        private Builder(String source) {
            this.source = source;
        }

        public Builder labelName(String name) {
            this.labelName = name;
            return this;
        }

        public Builder labels(int[] labels) {
            this.labels = labels;
            return this;
        }

        public Builder column(Column column) {
            columns.add(column);
            return this;
        }

        public Builder ids(String name, String[] ids) {
            this.idName = name;
            this.ids = ids;
            return this;
        }

        /** Event times in epoch milliseconds: the split holds out the latest rows. */
        public Builder times(String name, long[] times) {
            this.timeName = name;
            this.times = times;
            return this;
        }

        /** The rows are in chronological order: the split holds out the last rows. */
        public Builder rowOrderIsTime(boolean rowOrderIsTime) {
            this.rowOrderIsTime = rowOrderIsTime;
            return this;
        }

        public Builder trueProbabilities(double[] probabilities) {
            this.trueProbabilities = probabilities;
            return this;
        }

        public Builder template(FeatureSpec template) {
            this.template = template;
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(warning);
            return this;
        }

        public Dataset build() {
            return new Dataset(this);
        }
    }
}
