package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureType;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a tabular export: which column is the label (required), the id and the time, which to drop, the
 * separator (detected when null), the values that mean "missing", and forced column types.
 *
 * @param placeholders    values read as missing, compared case-insensitively after trimming; by default blank,
 *                        "Select" (an untouched picklist), "NA", "N/A" and "null". Not "unknown": in many files
 *                        (bank-marketing among them) it is a real answer, so add it only on purpose
 * @param positiveLabel   the label value that means converted, for labels other than yes/no, true/false and 1/0
 * @param rowOrderIsTime  the rows are in chronological order, so the holdout is the last rows
 * @param truthColumn     a column of true probabilities (simulator exports), used for the oracle AUC only
 */
public record CsvOptions(String label, String id, String time, Set<String> drop, Character separator,
                         Set<String> placeholders, Map<String, FeatureType> types, String positiveLabel,
                         boolean rowOrderIsTime, String truthColumn) {

    public static final Set<String> DEFAULT_PLACEHOLDERS = Set.of("", "Select", "NA", "N/A", "null");

    public CsvOptions {
        Objects.requireNonNull(label, "label");
        drop = Set.copyOf(drop);
        placeholders = Set.copyOf(placeholders);
        types = Map.copyOf(types);
    }

    public static Builder label(String label) {
        return new Builder(label);
    }

    public static final class Builder {
        private final String label;
        private String id;
        private String time;
        private final Set<String> drop = new LinkedHashSet<>();
        private Character separator;
        private Set<String> placeholders = DEFAULT_PLACEHOLDERS;
        private final Map<String, FeatureType> types = new LinkedHashMap<>();
        private String positiveLabel;
        private boolean rowOrderIsTime;
        private String truthColumn;

        private Builder(String label) {
            this.label = label;
        }

        public Builder id(String column) {
            this.id = column;
            return this;
        }

        public Builder time(String column) {
            this.time = column;
            return this;
        }

        public Builder drop(String... columns) {
            drop.addAll(List.of(columns));
            return this;
        }

        public Builder drop(Iterable<String> columns) {
            columns.forEach(drop::add);
            return this;
        }

        public Builder separator(char separator) {
            this.separator = separator;
            return this;
        }

        public Builder placeholders(Set<String> values) {
            this.placeholders = values;
            return this;
        }

        public Builder type(String column, FeatureType type) {
            types.put(column, type);
            return this;
        }

        public Builder positiveLabel(String value) {
            this.positiveLabel = value;
            return this;
        }

        public Builder rowOrderIsTime(boolean value) {
            this.rowOrderIsTime = value;
            return this;
        }

        public Builder truthColumn(String column) {
            this.truthColumn = column;
            return this;
        }

        public CsvOptions build() {
            return new CsvOptions(label, id, time, drop, separator, placeholders, types, positiveLabel, rowOrderIsTime,
                    truthColumn);
        }
    }
}
