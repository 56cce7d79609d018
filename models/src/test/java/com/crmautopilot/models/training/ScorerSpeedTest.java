package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.TreeEnsembleScorer;
import com.crmautopilot.models.scoring.TreeShap;
import com.crmautopilot.models.scoring.XgboostModelReader;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A quick timing loop, not a benchmark (JMH lives in the bench module): the shape of the serving cost of 300 trees
 * of depth 6, for the Java scorer, TreeSHAP, and XGBoost4J's single-row predict for comparison.
 */
class ScorerSpeedTest {

    private static final Logger LOG = LoggerFactory.getLogger(ScorerSpeedTest.class);

    @Test
    void scoresThreeHundredDeepTreesInMicrosecondsAndAgreesWithXgboost() throws Exception {
        Dataset data = SyntheticLeads.generate(5_000, 99);
        int[] rows = Dataset.allRows(data.size());
        FeatureSpec spec = FeatureSpecFitter.fit(data, rows, 256);
        int width = spec.size();
        float[] x = data.encode(spec, rows);
        DMatrix matrix = Trainer.matrix(x, data.labels(), width, null);
        Map<String, Object> params = TrainerConfig.builder().maxDepth(6).minChildWeight(0).build().xgboostParameters();
        Booster booster = XGBoost.train(matrix, params, 300, Map.of(), null, null);
        TreeEnsembleScorer scorer = new TreeEnsembleScorer(XgboostModelReader.read(booster.toByteArray("ubj")));
        TreeShap shap = new TreeShap(scorer.ensemble());
        float[][] reference = booster.predict(matrix, true);
        float[][] rowsOf = new float[data.size()][];
        for (int r = 0; r < rowsOf.length; r++) {
            rowsOf[r] = new float[width];
            System.arraycopy(x, r * width, rowsOf[r], 0, width);
            assertThat((double) scorer.margin(rowsOf[r])).isCloseTo(reference[r][0], within(1e-5));
        }
        assertThat(scorer.numTrees()).isEqualTo(300);
        assertThat(scorer.depth()).isEqualTo(6);

        double sink = 0;
        for (int i = 0; i < 100_000; i++) {
            sink += scorer.margin(rowsOf[i % rowsOf.length]);
        }
        int predictions = 200_000;
        long start = System.nanoTime();
        for (int i = 0; i < predictions; i++) {
            sink += scorer.margin(rowsOf[i % rowsOf.length]);
        }
        double nsPerPrediction = (System.nanoTime() - start) / (double) predictions;

        for (int i = 0; i < 100; i++) {
            sink += shap.contributions(rowsOf[i])[0];
        }
        int explanations = 300;
        start = System.nanoTime();
        for (int i = 0; i < explanations; i++) {
            sink += shap.contributions(rowsOf[i % rowsOf.length])[0];
        }
        double nsPerExplanation = (System.nanoTime() - start) / (double) explanations;

        int singles = 200;
        start = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            DMatrix one = new DMatrix(rowsOf[i], 1, width, Float.NaN);
            sink += booster.predict(one, true)[0][0];
            one.dispose();
        }
        double nsPerXgboostRow = (System.nanoTime() - start) / (double) singles;
        booster.dispose();
        matrix.dispose();

        LOG.info("300 trees, depth 6: Java scorer {} ns/prediction, TreeSHAP {} ns/explanation, XGBoost4J single row {} ns "
                + "(checksum {})", Math.round(nsPerPrediction), Math.round(nsPerExplanation), Math.round(nsPerXgboostRow), sink);
        // Loose bounds for a loaded 2-core CI machine; the seed's own bound is 50 ms per inference.
        assertThat(nsPerPrediction).isLessThan(50_000);
        assertThat(nsPerExplanation).isLessThan(50_000_000);
    }
}
