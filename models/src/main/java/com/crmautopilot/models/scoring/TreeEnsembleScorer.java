package com.crmautopilot.models.scoring;

/**
 * Computes an ensemble's margin in pure Java, fast enough to score every event inline.
 *
 * <p>Each tree is stored as a complete binary tree of the ensemble's depth, in heap order (children of slot
 * {@code k} at {@code 2k+1} and {@code 2k+2}), with all trees side by side in flat arrays. A shallower leaf is padded
 * with splits that always go left, down to copies of itself. A row then takes exactly {@code depth} steps per tree,
 * and each step is arithmetic on a comparison result rather than a branch the CPU must guess.
 *
 * <p>Sums are taken in float, base margin first and then tree by tree, which is XGBoost's own order, so the
 * margins agree with {@code Booster.predict(..., outputMargin=true)} to the last bits. Ensembles deeper than
 * {@value #MAX_PADDED_DEPTH} would pad to too much memory and walk node by node instead.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TreeEnsembleScorer {

    static final int MAX_PADDED_DEPTH = 12;

    private final TreeEnsemble ensemble;
    private final float baseMargin;
    private final int numFeatures;
    private final int numTrees;
    private final int depth;
    private final int internalPerTree;
    private final int leavesPerTree;
    private final int[] splitFeature;
    private final float[] splitThreshold;
    /** 1 where a missing value goes right. */
    private final int[] missingRight;
    private final float[] leafValue;
    private final boolean padded;

    public TreeEnsembleScorer(TreeEnsemble ensemble) {
        this.ensemble = ensemble;
        this.baseMargin = ensemble.baseMargin();
        this.numFeatures = ensemble.numFeatures();
        this.numTrees = ensemble.trees().size();
        this.depth = ensemble.maxDepth();
        this.padded = depth <= MAX_PADDED_DEPTH;
        if (padded) {
            internalPerTree = (1 << depth) - 1;
            leavesPerTree = 1 << depth;
            splitFeature = new int[numTrees * internalPerTree];
            splitThreshold = new float[numTrees * internalPerTree];
            missingRight = new int[numTrees * internalPerTree];
            leafValue = new float[numTrees * leavesPerTree];
            for (int t = 0; t < numTrees; t++) {
                pad(ensemble.trees().get(t), 0, t, 0, 0);
            }
        } else {
            internalPerTree = 0;
            leavesPerTree = 0;
            splitFeature = null;
            splitThreshold = null;
            missingRight = null;
            leafValue = null;
        }
    }

    public static TreeEnsembleScorer of(TreeEnsemble ensemble) {
        return new TreeEnsembleScorer(ensemble);
    }

    public TreeEnsemble ensemble() {
        return ensemble;
    }

    public int numFeatures() {
        return numFeatures;
    }

    public int numTrees() {
        return numTrees;
    }

    public int depth() {
        return depth;
    }

    /** Copies {@code node} of {@code tree} into heap slot {@code slot} of tree {@code t}, padding leaves. */
    private void pad(TreeEnsemble.Tree tree, int node, int t, int slot, int level) {
        if (level == depth) {
            leafValue[t * leavesPerTree + slot - internalPerTree] = tree.value()[node];
            return;
        }
        int at = t * internalPerTree + slot;
        if (tree.isLeaf(node)) {
            // Every comparison with NaN is false and missing values go left: this split always goes left.
            splitFeature[at] = 0;
            splitThreshold[at] = Float.NaN;
            missingRight[at] = 0;
            pad(tree, node, t, 2 * slot + 1, level + 1);
            pad(tree, node, t, 2 * slot + 2, level + 1);
        } else {
            splitFeature[at] = tree.feature()[node];
            splitThreshold[at] = tree.threshold()[node];
            missingRight[at] = tree.defaultLeft()[node] ? 0 : 1;
            pad(tree, tree.left()[node], t, 2 * slot + 1, level + 1);
            pad(tree, tree.right()[node], t, 2 * slot + 2, level + 1);
        }
    }

    /** The margin (log-odds, before calibration) of one row. */
    public float margin(FeatureVector row) {
        return margin(row.values());
    }

    /** The margin of one row given as an array of {@link #numFeatures()} floats, NaN for missing. */
    public float margin(float[] row) {
        return margin(row, baseMargin);
    }

    /**
     * The trees' sum on top of a given starting margin instead of the ensemble's own: how XGBoost predicts for a
     * row with a {@code base_margin}.
     */
    public float margin(float[] row, float base) {
        if (row.length < numFeatures) {
            throw new IllegalArgumentException("row has " + row.length + " features, the model needs " + numFeatures);
        }
        return padded ? paddedMargin(row, base) : walkedMargin(row, base);
    }

    private float paddedMargin(float[] row, float base) {
        final int[] feature = splitFeature;
        final float[] threshold = splitThreshold;
        final int[] goesRightIfMissing = missingRight;
        final float[] leaves = leafValue;
        final int internal = internalPerTree;
        final int leafCount = leavesPerTree;
        final int levels = depth;
        float sum = base;
        int t = 0;
        // Four trees at a time: each step waits on the one before it in the same tree, so walking four
        // independent trees side by side keeps the CPU busy. Leaves are still added in tree order.
        for (; t + 4 <= numTrees; t += 4) {
            int n0 = t * internal;
            int n1 = n0 + internal;
            int n2 = n1 + internal;
            int n3 = n2 + internal;
            int s0 = 0;
            int s1 = 0;
            int s2 = 0;
            int s3 = 0;
            for (int level = 0; level < levels; level++) {
                s0 = next(s0, n0 + s0, row, feature, threshold, goesRightIfMissing);
                s1 = next(s1, n1 + s1, row, feature, threshold, goesRightIfMissing);
                s2 = next(s2, n2 + s2, row, feature, threshold, goesRightIfMissing);
                s3 = next(s3, n3 + s3, row, feature, threshold, goesRightIfMissing);
            }
            int l0 = t * leafCount - internal;
            sum += leaves[l0 + s0];
            sum += leaves[l0 + leafCount + s1];
            sum += leaves[l0 + 2 * leafCount + s2];
            sum += leaves[l0 + 3 * leafCount + s3];
        }
        for (; t < numTrees; t++) {
            int nodeBase = t * internal;
            int slot = 0;
            for (int level = 0; level < levels; level++) {
                slot = next(slot, nodeBase + slot, row, feature, threshold, goesRightIfMissing);
            }
            sum += leaves[t * leafCount + slot - internal];
        }
        return sum;
    }

    /** One step down: right when the value is at least the threshold, or missing with a right default. */
    private static int next(int slot, int at, float[] row, int[] feature, float[] threshold, int[] goesRightIfMissing) {
        float v = row[feature[at]];
        // NaN fails every comparison, so a missing value takes the stored default.
        int right = (v >= threshold[at] ? 1 : 0) | (v != v ? goesRightIfMissing[at] : 0);
        return 2 * slot + 1 + right;
    }

    private float walkedMargin(float[] row, float base) {
        float sum = base;
        for (TreeEnsemble.Tree tree : ensemble.trees()) {
            sum += tree.value()[tree.leafOf(row)];
        }
        return sum;
    }

    /** Margins of many rows stored row-major, {@code numFeatures} floats each. */
    public float[] margins(float[] rows, int numRows) {
        float[] out = new float[numRows];
        float[] row = new float[numFeatures];
        for (int r = 0; r < numRows; r++) {
            System.arraycopy(rows, r * numFeatures, row, 0, numFeatures);
            out[r] = margin(row);
        }
        return out;
    }
}
