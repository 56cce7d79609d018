package com.crmautopilot.models.scoring;

import java.util.List;

/**
 * Exact per-feature contributions (SHAP values) of a tree ensemble's margin, by the polynomial-time TreeSHAP
 * algorithm of Lundberg, Erion and Lee (2018), ported from XGBoost's {@code RegTree::TreeShap} so the values agree
 * with {@code Booster.predictContrib}. The contributions plus the bias add up to the margin.
 *
 * <p>One explanation costs a few hundred predictions: call it for scores that are emitted, not for every event.
 * Instances are immutable and thread-safe; each call allocates its own small path workspace.
 */
public final class TreeShap {

    private final TreeEnsemble ensemble;
    /** Per tree, per node: the cover-weighted mean output of the subtree, i.e. its expected value. */
    private final double[][] meanValues;
    private final double bias;
    private final double treeExpectation;
    private final int maxDepth;

    public TreeShap(TreeEnsemble ensemble) {
        this.ensemble = ensemble;
        List<TreeEnsemble.Tree> trees = ensemble.trees();
        this.meanValues = new double[trees.size()][];
        double expected = 0;
        for (int t = 0; t < trees.size(); t++) {
            TreeEnsemble.Tree tree = trees.get(t);
            meanValues[t] = new double[tree.left().length];
            fillMeanValues(tree, 0, meanValues[t]);
            expected += meanValues[t][0];
        }
        this.treeExpectation = expected;
        this.bias = ensemble.baseMargin() + expected;
        this.maxDepth = ensemble.maxDepth();
    }

    /** The expected margin over the training distribution: what a row with no information would get. */
    public double bias() {
        return bias;
    }

    /** The trees' expected sum alone, without the base margin: the bias when rows carry their own base margin. */
    public double treeExpectation() {
        return treeExpectation;
    }

    /**
     * Contributions for one row: {@code numFeatures + 1} values, the last being the {@link #bias()}, as in XGBoost's
     * {@code predictContrib}.
     */
    public double[] contributions(float[] row) {
        int n = ensemble.numFeatures();
        double[] phi = new double[n + 1];
        int maxd = maxDepth + 2;
        Path path = new Path((maxd * (maxd + 1)) / 2);
        List<TreeEnsemble.Tree> trees = ensemble.trees();
        for (int t = 0; t < trees.size(); t++) {
            treeShap(trees.get(t), row, phi, 0, 0, path, 0, 1, 1, -1);
        }
        phi[n] = bias;
        return phi;
    }

    public double[] contributions(FeatureVector row) {
        return contributions(row.values());
    }

    private static double fillMeanValues(TreeEnsemble.Tree tree, int node, double[] mean) {
        double result;
        if (tree.isLeaf(node)) {
            result = tree.value()[node];
        } else {
            int l = tree.left()[node];
            int r = tree.right()[node];
            result = fillMeanValues(tree, l, mean) * tree.cover()[l] + fillMeanValues(tree, r, mean) * tree.cover()[r];
            result /= tree.cover()[node];
        }
        mean[node] = result;
        return result;
    }

    /** The unique path of features met so far, stored as parallel arrays; each recursion level owns a slice. */
    private static final class Path {
        final int[] feature;
        final double[] zeroFraction;
        final double[] oneFraction;
        final double[] weight;

        Path(int capacity) {
            feature = new int[capacity];
            zeroFraction = new double[capacity];
            oneFraction = new double[capacity];
            weight = new double[capacity];
        }

        void copy(int from, int to, int count) {
            System.arraycopy(feature, from, feature, to, count);
            System.arraycopy(zeroFraction, from, zeroFraction, to, count);
            System.arraycopy(oneFraction, from, oneFraction, to, count);
            System.arraycopy(weight, from, weight, to, count);
        }
    }

    /**
     * @param parent     offset of the parent's path slice
     * @param uniqueDepth length of the parent's path, less one
     */
    private void treeShap(TreeEnsemble.Tree tree, float[] row, double[] phi, int node, int uniqueDepth,
                          Path p, int parent, double parentZeroFraction, double parentOneFraction,
                          int parentFeature) {
        int path = parent + uniqueDepth + 1;
        p.copy(parent, path, uniqueDepth + 1);
        extendPath(p, path, uniqueDepth, parentZeroFraction, parentOneFraction, parentFeature);

        if (tree.isLeaf(node)) {
            double leaf = tree.value()[node];
            for (int i = 1; i <= uniqueDepth; i++) {
                double w = unwoundPathSum(p, path, uniqueDepth, i);
                phi[p.feature[path + i]] += w * (p.oneFraction[path + i] - p.zeroFraction[path + i]) * leaf;
            }
            return;
        }

        int split = tree.feature()[node];
        float v = row[split];
        int hot;
        if (Float.isNaN(v)) {
            hot = tree.defaultLeft()[node] ? tree.left()[node] : tree.right()[node];
        } else {
            hot = v < tree.threshold()[node] ? tree.left()[node] : tree.right()[node];
        }
        int cold = hot == tree.left()[node] ? tree.right()[node] : tree.left()[node];
        double w = tree.cover()[node];
        double hotZeroFraction = tree.cover()[hot] / w;
        double coldZeroFraction = tree.cover()[cold] / w;
        double incomingZeroFraction = 1;
        double incomingOneFraction = 1;

        // A feature split on again higher up: undo its earlier extension, then extend with the combined fractions.
        int pathIndex = 0;
        for (; pathIndex <= uniqueDepth; pathIndex++) {
            if (p.feature[path + pathIndex] == split) {
                break;
            }
        }
        if (pathIndex != uniqueDepth + 1) {
            incomingZeroFraction = p.zeroFraction[path + pathIndex];
            incomingOneFraction = p.oneFraction[path + pathIndex];
            unwindPath(p, path, uniqueDepth, pathIndex);
            uniqueDepth -= 1;
        }

        treeShap(tree, row, phi, hot, uniqueDepth + 1, p, path,
                hotZeroFraction * incomingZeroFraction, incomingOneFraction, split);
        treeShap(tree, row, phi, cold, uniqueDepth + 1, p, path,
                coldZeroFraction * incomingZeroFraction, 0, split);
    }

    private static void extendPath(Path p, int path, int uniqueDepth, double zeroFraction, double oneFraction,
                                   int feature) {
        p.feature[path + uniqueDepth] = feature;
        p.zeroFraction[path + uniqueDepth] = zeroFraction;
        p.oneFraction[path + uniqueDepth] = oneFraction;
        p.weight[path + uniqueDepth] = uniqueDepth == 0 ? 1.0 : 0.0;
        for (int i = uniqueDepth - 1; i >= 0; i--) {
            p.weight[path + i + 1] += oneFraction * p.weight[path + i] * (i + 1) / (double) (uniqueDepth + 1);
            p.weight[path + i] = zeroFraction * p.weight[path + i] * (uniqueDepth - i) / (double) (uniqueDepth + 1);
        }
    }

    private static void unwindPath(Path p, int path, int uniqueDepth, int pathIndex) {
        double oneFraction = p.oneFraction[path + pathIndex];
        double zeroFraction = p.zeroFraction[path + pathIndex];
        double nextOnePortion = p.weight[path + uniqueDepth];
        for (int i = uniqueDepth - 1; i >= 0; i--) {
            if (oneFraction != 0) {
                double tmp = p.weight[path + i];
                p.weight[path + i] = nextOnePortion * (uniqueDepth + 1) / ((i + 1) * oneFraction);
                nextOnePortion = tmp - p.weight[path + i] * zeroFraction * (uniqueDepth - i) / (double) (uniqueDepth + 1);
            } else {
                p.weight[path + i] = (p.weight[path + i] * (uniqueDepth + 1)) / (zeroFraction * (uniqueDepth - i));
            }
        }
        for (int i = pathIndex; i < uniqueDepth; i++) {
            p.feature[path + i] = p.feature[path + i + 1];
            p.zeroFraction[path + i] = p.zeroFraction[path + i + 1];
            p.oneFraction[path + i] = p.oneFraction[path + i + 1];
        }
    }

    private static double unwoundPathSum(Path p, int path, int uniqueDepth, int pathIndex) {
        double oneFraction = p.oneFraction[path + pathIndex];
        double zeroFraction = p.zeroFraction[path + pathIndex];
        double nextOnePortion = p.weight[path + uniqueDepth];
        double total = 0;
        for (int i = uniqueDepth - 1; i >= 0; i--) {
            if (oneFraction != 0) {
                double tmp = nextOnePortion * (uniqueDepth + 1) / ((i + 1) * oneFraction);
                total += tmp;
                nextOnePortion = p.weight[path + i] - tmp * zeroFraction * ((uniqueDepth - i) / (double) (uniqueDepth + 1));
            } else if (zeroFraction != 0) {
                total += (p.weight[path + i] / zeroFraction) / ((uniqueDepth - i) / (double) (uniqueDepth + 1));
            }
        }
        return total;
    }
}
