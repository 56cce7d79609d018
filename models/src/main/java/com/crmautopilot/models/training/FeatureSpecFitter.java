package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureDef;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.FeatureType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns a {@link FeatureSpec} from training rows: one feature per column (or the dataset's template, in its
 * order), with each open vocabulary made of the categories seen in those rows.
 *
 * <p>A category's code is its rank by smoothed conversion rate. Trees split codes with "below or above", so with
 * this order one split can separate good categories from bad ones, as a native categorical split would, while the
 * serving side stays a plain numeric comparison. Only the most frequent {@code maxCategories} are kept; rarer
 * ones are treated as unseen (missing).
 */
final class FeatureSpecFitter {

    /** Pseudo-rows of the overall rate added to each category, so a category seen twice is not ranked on luck. */
    private static final double SMOOTHING_ROWS = 10;

    private FeatureSpecFitter() {
    }

    static FeatureSpec fit(Dataset data, int[] rows, int maxCategories) {
        double prior = 0;
        for (int r : rows) {
            prior += data.labels()[r];
        }
        prior /= Math.max(1, rows.length);
        List<FeatureDef> defs = new ArrayList<>();
        if (data.template() != null) {
            for (FeatureDef def : data.template().features()) {
                Column column = data.column(def.name());
                boolean open = def.type() == FeatureType.CATEGORICAL && def.vocabulary().isEmpty();
                defs.add(open && column != null && column.texts() != null
                        ? def.withVocabulary(vocabulary(column, data.labels(), rows, prior, maxCategories)) : def);
            }
            return new FeatureSpec(defs);
        }
        for (Column column : data.columns()) {
            defs.add(switch (column.type()) {
                case NUMERIC -> FeatureDef.numeric(column.name());
                case BOOLEAN -> FeatureDef.bool(column.name());
                case CATEGORICAL -> FeatureDef.categorical(column.name(),
                        vocabulary(column, data.labels(), rows, prior, maxCategories));
            });
        }
        return new FeatureSpec(defs);
    }

    private static List<String> vocabulary(Column column, int[] labels, int[] rows, double prior, int maxCategories) {
        Map<String, int[]> stats = new HashMap<>(); // count, positives
        for (int r : rows) {
            String category = column.texts()[r];
            if (category != null) {
                int[] s = stats.computeIfAbsent(category, k -> new int[2]);
                s[0]++;
                s[1] += labels[r];
            }
        }
        List<String> kept = new ArrayList<>(stats.keySet());
        kept.sort(Comparator.<String>comparingInt(c -> -stats.get(c)[0]).thenComparing(c -> c));
        if (kept.size() > maxCategories) {
            kept = new ArrayList<>(kept.subList(0, maxCategories));
        }
        Map<String, Double> rate = new HashMap<>();
        for (String c : kept) {
            int[] s = stats.get(c);
            rate.put(c, (s[1] + SMOOTHING_ROWS * prior) / (s[0] + SMOOTHING_ROWS));
        }
        kept.sort(Comparator.<String>comparingDouble(rate::get).thenComparing(c -> c));
        return kept;
    }
}
