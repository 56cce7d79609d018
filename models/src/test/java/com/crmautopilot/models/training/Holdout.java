package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.ModelCard;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained model's holdout rows, encoded with its spec, beside XGBoost4J's own view of them (the saved
 * {@code model.ubj} and a DMatrix with the linear base's margins): the reference the Java scorer must match.
 */
record Holdout(float[] x, int rows, int width, float[] baseMargin, DMatrix matrix, Booster booster) {

    static Holdout of(Dataset data, TrainingResult result) {
        ModelCard card = result.card();
        int[] rows = result.split().test();
        return of(result, data.encode(card.featureSpec(), rows), rows.length, card.featureSpec().size());
    }

    /** Given rows instead of the holdout's, for instance with values knocked out. */
    static Holdout of(TrainingResult result, float[] x, int rows, int width) {
        try {
            float[] baseMargin = null;
            DMatrix matrix = new DMatrix(x, rows, width, Float.NaN);
            if (result.card().linearBase() != null) {
                baseMargin = Trainer.toFloat(Trainer.linearMargins(result.card().linearBase(), x, width));
                matrix.setBaseMargin(baseMargin);
            }
            Booster booster = XGBoost.loadModel(result.directory().resolve(GradientBoostedModel.TREES_FILE).toString());
            return new Holdout(x, rows, width, baseMargin, matrix, booster);
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    float[] row(int i) {
        float[] row = new float[width];
        System.arraycopy(x, i * width, row, 0, width);
        return row;
    }

    long missingValues() {
        long n = 0;
        for (float v : x) {
            n += Float.isNaN(v) ? 1 : 0;
        }
        return n;
    }

    /** XGBoost's margins for every row. */
    float[] xgboostMargins() {
        try {
            float[][] predictions = booster.predict(matrix, true);
            float[] out = new float[rows];
            for (int i = 0; i < rows; i++) {
                out[i] = predictions[i][0];
            }
            return out;
        } catch (XGBoostError e) {
            throw new IllegalStateException(e);
        }
    }

    void dispose() {
        matrix.dispose();
        booster.dispose();
    }
}
