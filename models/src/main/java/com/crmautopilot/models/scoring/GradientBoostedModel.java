package com.crmautopilot.models.scoring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A trained model ready to serve: the trees of {@code model.ubj} in the pure-Java {@link TreeEnsembleScorer}, with
 * the spec, calibration, tiers and any {@link LinearBase} of {@code model.json}. Its margin is the linear base (or,
 * without one, XGBoost's base score) plus the trees, exactly as XGBoost computes it. Loading needs neither
 * XGBoost's native library nor Flink.
 */
public final class GradientBoostedModel implements Model {

    public static final String TREES_FILE = "model.ubj";

    private final ModelCard card;
    private final TreeEnsembleScorer scorer;
    private final TreeShap shap;

    public GradientBoostedModel(ModelCard card, TreeEnsemble ensemble) {
        if (ensemble.numFeatures() != card.featureSpec().size()) {
            throw new IllegalArgumentException("the trees take " + ensemble.numFeatures() + " features but the spec has "
                    + card.featureSpec().size());
        }
        if (card.linearBase() != null && card.linearBase().maxFeature() >= ensemble.numFeatures()) {
            throw new IllegalArgumentException("the linear base reads feature " + card.linearBase().maxFeature()
                    + " of " + ensemble.numFeatures());
        }
        this.card = card;
        this.scorer = new TreeEnsembleScorer(ensemble);
        this.shap = new TreeShap(ensemble);
    }

    /** Loads {@code model.json} and {@code model.ubj} from a directory the trainer wrote. */
    public static GradientBoostedModel load(Path dir) {
        try {
            return fromBytes(Files.readAllBytes(dir.resolve(ModelCard.FILE_NAME)), Files.readAllBytes(dir.resolve(TREES_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the model in " + dir, e);
        }
    }

    /** Builds a model from the two files' bytes, as they may arrive in a model announcement. */
    public static GradientBoostedModel fromBytes(byte[] modelJson, byte[] trees) {
        return new GradientBoostedModel(ModelCard.fromJson(modelJson), XgboostModelReader.read(trees));
    }

    public ModelCard card() {
        return card;
    }

    public TreeEnsembleScorer scorer() {
        return scorer;
    }

    @Override
    public String version() {
        return card.version();
    }

    @Override
    public FeatureSpec spec() {
        return card.featureSpec();
    }

    @Override
    public TierThresholds tiers() {
        return card.tierThresholds();
    }

    /** The margin of a row of {@code spec().size()} floats: the linear base, if any, plus the trees. */
    public float margin(float[] row) {
        LinearBase linear = card.linearBase();
        return linear == null ? scorer.margin(row) : scorer.margin(row, (float) linear.margin(row));
    }

    /** Margins of many rows stored row-major. */
    public float[] margins(float[] rows, int numRows) {
        int width = card.featureSpec().size();
        float[] out = new float[numRows];
        float[] row = new float[width];
        for (int r = 0; r < numRows; r++) {
            System.arraycopy(rows, r * width, row, 0, width);
            out[r] = margin(row);
        }
        return out;
    }

    @Override
    public ScoreResult score(FeatureVector row) {
        checkWidth(row);
        float margin = margin(row.values());
        double probability = card.calibration().probability(margin);
        return new ScoreResult(probability, margin, card.tierThresholds().tierOf(probability));
    }

    @Override
    public Contributions explain(FeatureVector row) {
        checkWidth(row);
        double[] phi = shap.contributions(row.values());
        FeatureSpec spec = card.featureSpec();
        LinearBase linear = card.linearBase();
        if (linear != null) {
            linear.addContributions(row.values(), phi);
            phi[spec.size()] = linear.expectedMargin() + shap.treeExpectation();
        }
        List<Contribution> features = new ArrayList<>(spec.size());
        double margin = phi[spec.size()];
        for (int i = 0; i < spec.size(); i++) {
            features.add(new Contribution(spec.feature(i).name(), i, phi[i], spec.describe(i, row)));
            margin += phi[i];
        }
        return new Contributions(features, phi[spec.size()], margin);
    }

    private void checkWidth(FeatureVector row) {
        if (row.size() != card.featureSpec().size()) {
            throw new IllegalArgumentException("row has " + row.size() + " features, model " + version() + " needs "
                    + card.featureSpec().size());
        }
    }

    @Override
    public String toString() {
        return "GradientBoostedModel[" + version() + ", " + scorer.numTrees() + " trees of depth " + scorer.depth() + "]";
    }
}
