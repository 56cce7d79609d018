package com.crmautopilot.cli.jmh;

import com.crmautopilot.models.scoring.Calibration;
import com.crmautopilot.models.scoring.FeatureDef;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.FeatureType;
import com.crmautopilot.models.scoring.FeatureVector;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.ModelCard;
import com.crmautopilot.models.scoring.TierThresholds;
import com.crmautopilot.models.scoring.TreeEnsemble;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Models for benchmarks, without training: complete trees of a given depth over the lead-scoring features, with
 * random splits and leaves. A complete tree is the serving scorer's cost exactly (it pads every tree to complete
 * anyway) and TreeSHAP's worst case (every leaf is a path), so the figures are an upper bound for trained trees of
 * that depth.
 */
public final class BenchModels {

    private static final int VOCABULARY = 12;

    private BenchModels() {
    }

    /** {@code trees} complete trees of depth {@code depth}, seeded. */
    public static GradientBoostedModel completeTrees(int trees, int depth, long seed) {
        Random random = new Random(seed);
        FeatureSpec spec = spec();
        List<TreeEnsemble.Tree> ensemble = new ArrayList<>(trees);
        for (int t = 0; t < trees; t++) {
            ensemble.add(completeTree(depth, spec, random));
        }
        ModelCard card = new ModelCard(ModelCard.FORMAT_VERSION, "lead-score", "bench-" + trees + "x" + depth,
                Instant.EPOCH, "converts_30d", spec, null, new TierThresholds(0.6, 0.3), 0.5,
                new Calibration.Sigmoid(), null, null, Map.of(), trees - 1, trees, List.of());
        return new GradientBoostedModel(card, new TreeEnsemble(-1.5f, spec.size(), ensemble));
    }

    /** Rows like the lead profiles': counts, days, categories, and about one value in ten missing. */
    public static FeatureVector[] rows(int count, long seed) {
        Random random = new Random(seed);
        FeatureSpec spec = spec();
        FeatureVector[] rows = new FeatureVector[count];
        for (int r = 0; r < count; r++) {
            float[] values = new float[spec.size()];
            for (int f = 0; f < values.length; f++) {
                values[f] = random.nextDouble() < 0.1 ? Float.NaN : value(spec.feature(f), random);
            }
            rows[r] = FeatureVector.wrap(values);
        }
        return rows;
    }

    private static FeatureSpec spec() {
        Map<String, List<String>> vocabularies = new HashMap<>();
        for (FeatureDef def : LeadFeatures.template().features()) {
            if (def.type() == FeatureType.CATEGORICAL && def.vocabulary().isEmpty()) {
                List<String> words = new ArrayList<>();
                for (int i = 0; i < VOCABULARY; i++) {
                    words.add(def.name() + "-" + i);
                }
                vocabularies.put(def.name(), words);
            }
        }
        return LeadFeatures.spec(vocabularies);
    }

    private static float value(FeatureDef def, Random random) {
        return switch (def.type()) {
            case BOOLEAN -> random.nextBoolean() ? 1 : 0;
            case CATEGORICAL -> random.nextInt(def.vocabulary().size());
            case NUMERIC -> (float) (random.nextDouble() * random.nextDouble() * 60);
        };
    }

    private static TreeEnsemble.Tree completeTree(int depth, FeatureSpec spec, Random random) {
        int nodes = (1 << (depth + 1)) - 1;
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        float[] threshold = new float[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        float[] value = new float[nodes];
        float[] cover = new float[nodes];
        cover[0] = 1000;
        for (int n = 0; n < nodes; n++) {
            boolean leaf = 2 * n + 1 >= nodes;
            if (leaf) {
                left[n] = -1;
                right[n] = -1;
                value[n] = (float) (random.nextGaussian() * 0.05);
                continue;
            }
            left[n] = 2 * n + 1;
            right[n] = 2 * n + 2;
            feature[n] = random.nextInt(spec.size());
            threshold[n] = value(spec.feature(feature[n]), random) + 0.5f;
            defaultLeft[n] = random.nextBoolean();
            float share = 0.2f + 0.6f * random.nextFloat();
            cover[left[n]] = cover[n] * share;
            cover[right[n]] = cover[n] * (1 - share);
        }
        return new TreeEnsemble.Tree(left, right, feature, threshold, defaultLeft, value, cover);
    }
}
