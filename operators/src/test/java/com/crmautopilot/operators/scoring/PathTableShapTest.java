package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.scoring.Contributions;
import com.crmautopilot.models.scoring.FeatureVector;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.TreeEnsemble;
import com.crmautopilot.models.scoring.TreeShap;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The path tables give TreeSHAP's values, on trained trees and on adversarial random ones. */
class PathTableShapTest {

    private static final double TOLERANCE = 1e-5;

    @Test
    void agreesWithTreeShapOnRandomTreesWithRepeatedFeaturesAndMissingValues() {
        Random random = new Random(3);
        for (int round = 0; round < 5; round++) {
            int width = 4 + random.nextInt(5); // few features, so paths split on the same one again
            TreeEnsemble ensemble = randomEnsemble(random, 30, 2 + random.nextInt(5), width);
            PathTableShap fast = PathTableShap.of(ensemble, Long.MAX_VALUE);
            TreeShap reference = new TreeShap(ensemble);
            assertThat(fast).isNotNull();
            for (int r = 0; r < 200; r++) {
                float[] row = randomRow(random, width);
                double[] expected = reference.contributions(row);
                double[] actual = fast.contributions(row);
                for (int i = 0; i < expected.length; i++) {
                    assertThat(actual[i]).as("round %d row %d feature %d", round, r, i)
                            .isCloseTo(expected[i], within(TOLERANCE));
                }
            }
        }
    }

    @Test
    void servesTheTrainedModelsExplanationsWithTheLinearBase() {
        GradientBoostedModel model = TestModels.load(TestModels.v2());
        ServingModel serving = ServingModel.of(model);
        assertThat(serving.hasFastExplanations()).isTrue();
        LeadScorer scorer = LeadScoringConfig.defaults().scorer();
        List<FeatureVector> rows = new ArrayList<>();
        for (int day = 0; day < 60; day += 7) {
            long at = TestProfiles.T0.plus(Duration.ofDays(day)).toEpochMilli();
            rows.add(scorer.evaluate(model, TestProfiles.hot("l", TestProfiles.T0).build(), at).row());
            rows.add(scorer.evaluate(model, TestProfiles.cold("l", TestProfiles.T0).build(), at).row());
            rows.add(scorer.evaluate(model, TestProfiles.lead("l").companySize(null).title(null).build(), at).row());
        }
        for (FeatureVector row : rows) {
            Contributions expected = model.explain(row);
            Contributions actual = serving.explain(row);
            assertThat(actual.bias()).isCloseTo(expected.bias(), within(TOLERANCE));
            assertThat(actual.margin()).isCloseTo(expected.margin(), within(TOLERANCE));
            for (String feature : LeadFeatures.template().names()) {
                assertThat(actual.valueOf(feature)).as(feature).isCloseTo(expected.valueOf(feature), within(TOLERANCE));
            }
            assertThat(actual.margin()).as("contributions add up to the margin")
                    .isCloseTo(model.score(row).margin(), within(1e-4));
        }
    }

    @Test
    void declinesTreesWhoseTablesWouldNotFitTheBudget() {
        TreeEnsemble ensemble = randomEnsemble(new Random(5), 10, 6, 20);

        assertThat(PathTableShap.of(ensemble, 1_000)).isNull();
        assertThat(PathTableShap.of(ensemble, Long.MAX_VALUE)).isNotNull();
    }

    @Test
    void isManyTimesFasterThanTreeShapOnDeepTrees() {
        Random random = new Random(11);
        TreeEnsemble ensemble = randomEnsemble(random, 300, 6, 20);
        PathTableShap fast = PathTableShap.of(ensemble, ServingModel.TABLE_BUDGET);
        TreeShap reference = new TreeShap(ensemble);
        float[][] rows = new float[64][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = randomRow(random, 20);
        }
        double sink = 0;
        for (int i = 0; i < 200; i++) { // warm both up
            sink += fast.contributions(rows[i & 63])[0] + reference.contributions(rows[i & 63])[0];
        }
        long start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            sink += fast.contributions(rows[i & 63])[0];
        }
        long fastNanos = System.nanoTime() - start;
        start = System.nanoTime();
        for (int i = 0; i < 200; i++) {
            sink += reference.contributions(rows[i & 63])[0];
        }
        long referenceNanos = System.nanoTime() - start;

        assertThat(sink).isNotNaN();
        // Loose, for a loaded machine: the measured gap is about fourfold.
        assertThat(referenceNanos).isGreaterThan(2 * fastNanos);
    }

    /** Complete random trees, each node split on a random feature (repeats included), missing values either way. */
    static TreeEnsemble randomEnsemble(Random random, int trees, int depth, int width) {
        List<TreeEnsemble.Tree> list = new ArrayList<>();
        for (int t = 0; t < trees; t++) {
            int nodes = (1 << (depth + 1)) - 1;
            int[] left = new int[nodes];
            int[] right = new int[nodes];
            int[] feature = new int[nodes];
            float[] threshold = new float[nodes];
            boolean[] defaultLeft = new boolean[nodes];
            float[] value = new float[nodes];
            float[] cover = new float[nodes];
            cover[0] = 100 + random.nextInt(1000);
            for (int n = 0; n < nodes; n++) {
                if (2 * n + 1 >= nodes) {
                    left[n] = -1;
                    right[n] = -1;
                    value[n] = (float) random.nextGaussian();
                    continue;
                }
                left[n] = 2 * n + 1;
                right[n] = 2 * n + 2;
                feature[n] = random.nextInt(width);
                threshold[n] = random.nextFloat();
                defaultLeft[n] = random.nextBoolean();
                float share = 0.05f + 0.9f * random.nextFloat();
                cover[left[n]] = cover[n] * share;
                cover[right[n]] = cover[n] - cover[left[n]];
            }
            list.add(new TreeEnsemble.Tree(left, right, feature, threshold, defaultLeft, value, cover));
        }
        return new TreeEnsemble(0.3f, width, list);
    }

    private static float[] randomRow(Random random, int width) {
        float[] row = new float[width];
        for (int i = 0; i < width; i++) {
            row[i] = random.nextDouble() < 0.15 ? Float.NaN : random.nextFloat();
        }
        return row;
    }
}
