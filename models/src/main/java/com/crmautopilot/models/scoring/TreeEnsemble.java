package com.crmautopilot.models.scoring;

import java.util.List;

/**
 * A boosted tree ensemble as XGBoost stores it: per tree, node arrays indexed by node id, and a base margin. A
 * row goes left at a node when its value is below the threshold, and down the default branch when it is missing.
 * This is the exact form, used for explanations and to build the fast {@link TreeEnsembleScorer}.
 *
 * @param baseMargin  the margin before any tree, in log-odds
 * @param numFeatures the width of the input rows
 */
public record TreeEnsemble(float baseMargin, int numFeatures, List<Tree> trees) {

    public TreeEnsemble {
        trees = List.copyOf(trees);
    }

    /** The deepest path, counted in splits: 0 when every tree is a single leaf. */
    public int maxDepth() {
        int depth = 0;
        for (Tree tree : trees) {
            depth = Math.max(depth, tree.depth());
        }
        return depth;
    }

    /**
     * One regression tree. For leaf {@code i}, {@code left[i] == -1} and {@code value[i]} is its output; for a split,
     * {@code feature[i]} and {@code threshold[i]} decide and {@code defaultLeft[i]} routes missing values.
     * {@code cover[i]} is the training hessian sum that reached the node, which TreeSHAP weighs paths with.
     */
    public record Tree(int[] left, int[] right, int[] feature, float[] threshold, boolean[] defaultLeft,
                       float[] value, float[] cover) {

        public boolean isLeaf(int node) {
            return left[node] < 0;
        }

        public int depth() {
            return depth(0);
        }

        private int depth(int node) {
            return isLeaf(node) ? 0 : 1 + Math.max(depth(left[node]), depth(right[node]));
        }

        /** The leaf a row reaches, walking node by node: the reference path the fast scorer must agree with. */
        public int leafOf(float[] row) {
            int node = 0;
            while (!isLeaf(node)) {
                float v = row[feature[node]];
                if (Float.isNaN(v)) {
                    node = defaultLeft[node] ? left[node] : right[node];
                } else {
                    node = v < threshold[node] ? left[node] : right[node];
                }
            }
            return node;
        }
    }
}
