package com.crmautopilot.models.scoring;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TreeEnsembleScorerTest {

    private static final float NaN = Float.NaN;

    /**
     * f0 < 0.5 (missing: right) ? 1.0 : (f1 < 2 (missing: left) ? -1.0 : 3.0), with the covers TreeSHAP needs.
     */
    private static TreeEnsemble.Tree smallTree() {
        return new TreeEnsemble.Tree(
                new int[]{1, -1, 3, -1, -1},
                new int[]{2, -1, 4, -1, -1},
                new int[]{0, 0, 1, 0, 0},
                new float[]{0.5f, NaN, 2f, NaN, NaN},
                new boolean[]{false, false, true, false, false},
                new float[]{0, 1f, 0, -1f, 3f},
                new float[]{10, 4, 6, 3, 3});
    }

    /** A chain of {@code depth} splits on alternating features, deeper than the padded layout takes. */
    private static TreeEnsemble.Tree chain(int depth, Random random) {
        int nodes = 2 * depth + 1;
        int[] left = new int[nodes];
        int[] right = new int[nodes];
        int[] feature = new int[nodes];
        float[] threshold = new float[nodes];
        boolean[] defaultLeft = new boolean[nodes];
        float[] value = new float[nodes];
        float[] cover = new float[nodes];
        for (int level = 0; level < depth; level++) {
            int node = 2 * level;
            left[node] = node + 1;          // a leaf
            right[node] = node + 2;         // the rest of the chain
            feature[node] = level % 3;
            threshold[node] = (float) random.nextGaussian();
            defaultLeft[node] = random.nextBoolean();
            left[node + 1] = right[node + 1] = -1;
            value[node + 1] = (float) random.nextGaussian();
        }
        left[nodes - 1] = right[nodes - 1] = -1;
        value[nodes - 1] = (float) random.nextGaussian();
        java.util.Arrays.fill(cover, 1);
        return new TreeEnsemble.Tree(left, right, feature, threshold, defaultLeft, value, cover);
    }

    @Test
    void followsThresholdsAndDefaultDirectionsForMissingValues() {
        TreeEnsembleScorer scorer = new TreeEnsembleScorer(new TreeEnsemble(0.25f, 2, List.of(smallTree())));

        assertThat(scorer.margin(new float[]{0.1f, 9f})).isEqualTo(1.25f);
        assertThat(scorer.margin(new float[]{NaN, 1f})).as("missing f0 goes right").isEqualTo(-0.75f);
        assertThat(scorer.margin(new float[]{0.7f, NaN})).as("missing f1 goes left").isEqualTo(-0.75f);
        assertThat(scorer.margin(new float[]{0.5f, 2f})).as("equal to the threshold goes right").isEqualTo(3.25f);
        assertThat(scorer.margin(new float[]{0.5f, 2f}, 1f)).as("an explicit base margin").isEqualTo(4f);
    }

    @Test
    void paddedAndDeepEnsemblesAgreeWithANodeByNodeWalk() {
        Random random = new Random(7);
        for (int depth : new int[]{1, 5, TreeEnsembleScorer.MAX_PADDED_DEPTH, TreeEnsembleScorer.MAX_PADDED_DEPTH + 3}) {
            List<TreeEnsemble.Tree> trees = new ArrayList<>();
            trees.add(smallTree());
            for (int t = 0; t < 20; t++) {
                trees.add(chain(1 + random.nextInt(depth), random));
            }
            TreeEnsemble ensemble = new TreeEnsemble(-0.5f, 3, trees);
            TreeEnsembleScorer scorer = new TreeEnsembleScorer(ensemble);
            for (int r = 0; r < 500; r++) {
                float[] row = new float[3];
                for (int f = 0; f < 3; f++) {
                    row[f] = random.nextDouble() < 0.2 ? NaN : (float) random.nextGaussian();
                }
                float expected = ensemble.baseMargin();
                for (TreeEnsemble.Tree tree : trees) {
                    expected += tree.value()[tree.leafOf(row)];
                }
                assertThat(scorer.margin(row)).as("depth %d row %d", depth, r).isEqualTo(expected);
            }
        }
    }

    @Test
    void treeShapGivesTheShapleyValuesOfAHandComputedTree() {
        TreeEnsemble ensemble = new TreeEnsemble(0.25f, 2, List.of(smallTree()));
        TreeShap shap = new TreeShap(ensemble);
        float[] row = {0.1f, 9f};

        double[] phi = shap.contributions(row);

        // Expected value: 0.4 * 1 + 0.6 * (0.5 * -1 + 0.5 * 3) = 1.0, plus the base margin. Knowing f1 alone
        // (f1 = 9: right) would give 0.4 * 1 + 0.6 * 3 = 2.2, so Shapley credits f1 with +0.6 and f0 with -0.6.
        assertThat(phi[2]).isCloseTo(1.25, within(1e-12));
        assertThat(phi[0]).isCloseTo(-0.6, within(1e-9));
        assertThat(phi[1]).isCloseTo(0.6, within(1e-9));
        assertThat(phi[0] + phi[1] + phi[2]).isCloseTo(new TreeEnsembleScorer(ensemble).margin(row), within(1e-9));
    }
}
