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

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Models for benchmarks over the lead-scoring features: {@link #completeTrees} builds complete trees of a given
 * depth with random splits and leaves, instantly; a complete tree is the serving scorer's cost exactly (it pads
 * every tree to complete anyway) and TreeSHAP's worst case (every leaf is a path). {@link #train} grows real
 * XGBoost trees in a few seconds.
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

    /**
     * A model trained by XGBoost4J with exactly {@code trees} rounds of depth at most {@code depth}, on random rows
     * whose label follows a logistic function of a few features, written to {@code dir} as the trainer writes
     * models ({@code model.json} and {@code model.ubj}): what the pipeline benchmark announces, and JMH measures.
     */
    public static Path train(int trees, int depth, long seed, Path dir) {
        FeatureSpec spec = spec();
        int width = spec.size();
        int n = 10_000;
        FeatureVector[] rows = rows(n, seed);
        Random random = new Random(seed + 1);
        float[] x = new float[n * width];
        float[] labels = new float[n];
        for (int r = 0; r < n; r++) {
            float[] row = rows[r].toArray();
            System.arraycopy(row, 0, x, r * width, width);
            double logit = -1.5 + 0.08 * nanToZero(row[4]) + 0.15 * nanToZero(row[8]) - 0.04 * nanToZero(row[16])
                    + 0.9 * nanToZero(row[12]) + 0.1 * (nanToZero(row[2]) - 1.5);
            labels[r] = random.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("objective", "binary:logistic");
        params.put("tree_method", "hist");
        params.put("max_depth", depth);
        params.put("eta", 0.05);
        params.put("min_child_weight", 0);
        params.put("nthread", 1);
        params.put("seed", seed);
        params.put("verbosity", 0);
        try {
            DMatrix matrix = new DMatrix(x, n, width, Float.NaN);
            matrix.setLabel(labels);
            Booster booster = XGBoost.train(matrix, params, trees, Map.of(), null, null);
            byte[] ubj = booster.toByteArray("ubj");
            booster.dispose();
            matrix.dispose();
            Files.createDirectories(dir);
            Files.write(dir.resolve(GradientBoostedModel.TREES_FILE), ubj);
            String version = "bench-" + trees + "x" + depth + "-" + Integer.toHexString(Arrays.hashCode(ubj));
            new ModelCard(ModelCard.FORMAT_VERSION, "lead-score", version, Instant.EPOCH, "converts_30d", spec, null,
                    new TierThresholds(0.6, 0.3), 0.5, new Calibration.Sigmoid(), null, null, params, trees - 1, trees,
                    List.of()).write(dir.resolve(ModelCard.FILE_NAME));
            return dir;
        } catch (XGBoostError | IOException e) {
            throw new IllegalStateException("cannot train the benchmark model: " + e.getMessage(), e);
        }
    }

    private static double nanToZero(float v) {
        return Float.isNaN(v) ? 0 : v;
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
