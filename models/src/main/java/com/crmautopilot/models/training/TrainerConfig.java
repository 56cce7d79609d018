package com.crmautopilot.models.training;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Training settings with sensible defaults for lead data (tens of thousands of rows, tens of features): a slow
 * learning rate with early stopping decides the number of trees, shallow trees and row and column subsampling
 * keep them from memorizing.
 *
 * @param maxRounds           boosting rounds at most; early stopping usually ends sooner
 * @param earlyStoppingRounds stop when validation log loss has not improved for this many rounds
 * @param testFraction        the holdout share of all rows
 * @param validationFraction  the validation share of the remaining training rows
 * @param decisionThreshold   the calibrated probability from which a row counts as predicted positive for the
 *                            precision and recall metrics
 * @param maxCategories       vocabulary size cap per categorical feature
 * @param baselineL2          the penalty on squared weights of the logistic regression (baseline and linear base)
 * @param earlyStoppingMetric "auc" (default) or "logloss", on the validation rows. AUC judges the ranking
 *                            alone, which is the trees' job: calibration fixes the scale afterwards. Log loss also
 *                            punishes a shift in base rate between fit and validation rows, and stops too soon
 *                            on drifting data
 * @param refitOnValidation   after choosing the number of rounds, grow the final trees on fit and validation rows
 *                            together (true by default): the most recent rows matter most when behaviour drifts.
 *                            Calibration and tiers still come from the validation rows scored by the first fit,
 *                            which never saw them
 * @param linearBase          boost the trees on top of a logistic regression's margin (true by default), so the
 *                            model follows trends beyond the training range where trees alone go flat; see
 *                            {@link com.crmautopilot.models.scoring.LinearBase}
 * @param embargo             for a split by time: a row is trained on only if {@code time + embargo} is at or before
 *                            the start of the rows it is measured against (the holdout; the validation slice for the
 *                            fit rows). Set it to the label's horizon when a row's label looks ahead in time
 *                            ("converts within 30 days"): otherwise the latest training labels report outcomes from
 *                            inside the holdout, and the same leads' holdout rows are scored with hindsight. Zero
 *                            (the default) for labels that are known at the row's time
 */
public record TrainerConfig(String modelName, int maxRounds, int earlyStoppingRounds, double eta, int maxDepth,
                            double minChildWeight, double subsample, double colsampleByTree, double lambda,
                            double alpha, double gamma, int maxBin, long seed, int threads, double testFraction,
                            double validationFraction, double decisionThreshold, TierPolicy tierPolicy,
                            int maxCategories, double baselineL2, String earlyStoppingMetric,
                            boolean refitOnValidation, boolean linearBase, Duration embargo) {

    public static TrainerConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The XGBoost parameters these settings stand for. */
    public Map<String, Object> xgboostParameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("objective", "binary:logistic");
        p.put("eval_metric", earlyStoppingMetric);
        p.put("booster", "gbtree");
        p.put("tree_method", "hist");
        p.put("eta", eta);
        p.put("max_depth", maxDepth);
        p.put("min_child_weight", minChildWeight);
        p.put("subsample", subsample);
        p.put("colsample_bytree", colsampleByTree);
        p.put("lambda", lambda);
        p.put("alpha", alpha);
        p.put("gamma", gamma);
        p.put("max_bin", maxBin);
        p.put("seed", seed);
        p.put("nthread", threads);
        p.put("verbosity", 0);
        return p;
    }

    public static final class Builder {
        private String modelName = "lead-score";
        private int maxRounds = 800;
        private int earlyStoppingRounds = 50;
        private double eta = 0.05;
        private int maxDepth = 5;
        private double minChildWeight = 2;
        private double subsample = 0.8;
        private double colsampleByTree = 0.8;
        private double lambda = 1;
        private double alpha = 0;
        private double gamma = 0;
        private int maxBin = 256;
        private long seed = 42;
        // XGBoost's OpenMP threads spin while they wait: with as many threads as cores, anything else running (the
        // JVM's own threads, a parallel build) stalls every round. Half the cores measured 8x faster on 2 cores.
        private int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        private double testFraction = 0.2;
        private double validationFraction = 0.2;
        private double decisionThreshold = 0.5;
        private TierPolicy tierPolicy = TierPolicy.defaults();
        private int maxCategories = 256;
        private double baselineL2 = 1.0;
        private String earlyStoppingMetric = "auc";
        private boolean refitOnValidation = true;
        private boolean linearBase = true;
        private Duration embargo = Duration.ZERO;

        public Builder modelName(String v) { modelName = v; return this; }
        public Builder maxRounds(int v) { maxRounds = v; return this; }
        public Builder earlyStoppingRounds(int v) { earlyStoppingRounds = v; return this; }
        public Builder eta(double v) { eta = v; return this; }
        public Builder maxDepth(int v) { maxDepth = v; return this; }
        public Builder minChildWeight(double v) { minChildWeight = v; return this; }
        public Builder subsample(double v) { subsample = v; return this; }
        public Builder colsampleByTree(double v) { colsampleByTree = v; return this; }
        public Builder lambda(double v) { lambda = v; return this; }
        public Builder alpha(double v) { alpha = v; return this; }
        public Builder gamma(double v) { gamma = v; return this; }
        public Builder maxBin(int v) { maxBin = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder testFraction(double v) { testFraction = v; return this; }
        public Builder validationFraction(double v) { validationFraction = v; return this; }
        public Builder decisionThreshold(double v) { decisionThreshold = v; return this; }
        public Builder tierPolicy(TierPolicy v) { tierPolicy = v; return this; }
        public Builder maxCategories(int v) { maxCategories = v; return this; }
        public Builder baselineL2(double v) { baselineL2 = v; return this; }
        public Builder earlyStoppingMetric(String v) { earlyStoppingMetric = v; return this; }
        public Builder refitOnValidation(boolean v) { refitOnValidation = v; return this; }
        public Builder linearBase(boolean v) { linearBase = v; return this; }
        public Builder embargo(Duration v) { embargo = v; return this; }

        public TrainerConfig build() {
            if (maxRounds < 1 || earlyStoppingRounds < 1 || maxDepth < 1 || threads < 1) {
                throw new IllegalArgumentException("rounds, patience, depth and threads must be positive");
            }
            if (!(testFraction > 0 && testFraction < 1 && validationFraction > 0 && validationFraction < 1)) {
                throw new IllegalArgumentException("test and validation fractions must lie strictly between 0 and 1");
            }
            if (!earlyStoppingMetric.equals("auc") && !earlyStoppingMetric.equals("logloss")) {
                throw new IllegalArgumentException("early stopping metric must be auc or logloss, not " + earlyStoppingMetric);
            }
            if (embargo == null || embargo.isNegative()) {
                throw new IllegalArgumentException("the embargo must be zero or positive, not " + embargo);
            }
            return new TrainerConfig(modelName, maxRounds, earlyStoppingRounds, eta, maxDepth, minChildWeight, subsample,
                    colsampleByTree, lambda, alpha, gamma, maxBin, seed, threads, testFraction, validationFraction,
                    decisionThreshold, tierPolicy, maxCategories, baselineL2, earlyStoppingMetric, refitOnValidation,
                    linearBase, embargo);
        }
    }
}
