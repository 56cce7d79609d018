package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.scoring.Contribution;
import com.crmautopilot.models.scoring.Contributions;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.FeatureVector;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.LinearBase;
import com.crmautopilot.models.scoring.Model;
import com.crmautopilot.models.scoring.ScoreResult;
import com.crmautopilot.models.scoring.TierThresholds;
import com.crmautopilot.models.scoring.TreeShap;

import java.util.ArrayList;
import java.util.List;

/**
 * A model as the scorer serves it: the model's own scoring, and its explanations through {@link PathTableShap} when
 * the trees fit the table budget (the same values as {@link GradientBoostedModel#explain}, many times faster), or
 * through the model itself otherwise. Built once per version, when the model is loaded.
 */
public final class ServingModel implements Model {

    /** 16 M floats, 64 MB: room for 300 complete trees of depth 7. */
    public static final long TABLE_BUDGET = 16L << 20;

    private final GradientBoostedModel model;
    private final PathTableShap trees;
    private final double treeExpectation;

    private ServingModel(GradientBoostedModel model, PathTableShap trees) {
        this.model = model;
        this.trees = trees;
        this.treeExpectation = trees == null ? 0 : new TreeShap(model.scorer().ensemble()).treeExpectation();
    }

    public static ServingModel of(GradientBoostedModel model) {
        return new ServingModel(model, PathTableShap.of(model.scorer().ensemble(), TABLE_BUDGET));
    }

    /** Serves any model; only gradient-boosted ones get the fast explanations. */
    public static Model serving(Model model) {
        return model instanceof GradientBoostedModel g ? of(g) : model;
    }

    public boolean hasFastExplanations() {
        return trees != null;
    }

    public GradientBoostedModel model() {
        return model;
    }

    @Override
    public String version() {
        return model.version();
    }

    @Override
    public FeatureSpec spec() {
        return model.spec();
    }

    @Override
    public TierThresholds tiers() {
        return model.tiers();
    }

    @Override
    public ScoreResult score(FeatureVector row) {
        return model.score(row);
    }

    /**
     * As {@link GradientBoostedModel#explain}, with the linear base's exact terms added to the trees' values; the
     * {@code shown} value of each contribution is left out (the factor sentences read the lead's own evidence).
     */
    @Override
    public Contributions explain(FeatureVector row) {
        if (trees == null) {
            return model.explain(row);
        }
        float[] values = row.toArray();
        double[] phi = trees.contributions(values);
        int n = model.spec().size();
        LinearBase linear = model.card().linearBase();
        if (linear != null) {
            linear.addContributions(values, phi);
            phi[n] = linear.expectedMargin() + treeExpectation;
        }
        List<Contribution> features = new ArrayList<>(n);
        double margin = phi[n];
        for (int i = 0; i < n; i++) {
            features.add(new Contribution(model.spec().feature(i).name(), i, phi[i], null));
            margin += phi[i];
        }
        return new Contributions(features, phi[n], margin);
    }

    @Override
    public String toString() {
        return "ServingModel[" + model + (trees == null ? ", explained by TreeSHAP" : ", explained by path tables")
                + "]";
    }
}
