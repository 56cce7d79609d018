package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.scoring.ModelCard;

import java.nio.file.Path;

/**
 * Measures a trained model on other labelled data, through the same Java scorer that serves it. The figures are
 * those of {@code metrics.json}, on every row given; {@code split} is "external" and there is no baseline.
 */
public final class Evaluator {

    private Evaluator() {
    }

    public static Metrics evaluate(Path modelDir, Dataset data) {
        return evaluate(GradientBoostedModel.load(modelDir), data);
    }

    public static Metrics evaluate(GradientBoostedModel model, Dataset data) {
        if (data.size() == 0) {
            throw new DataImportException(data.source() + " has no rows to evaluate on");
        }
        if (data.absentFeatures(model.spec()).size() == model.spec().size()) {
            throw new DataImportException(data.source() + " has none of the model's features ("
                    + String.join(", ", model.spec().names()) + ")");
        }
        int[] rows = Dataset.allRows(data.size());
        float[] x = data.encode(model.spec(), rows);
        float[] margins = model.margins(x, rows.length);
        ModelCard card = model.card();
        return MetricsCalculator.compute(margins, data.labels(), card.calibration(), card.tierThresholds(),
                card.decisionThreshold(), card.metrics() == null ? null : card.metrics().nTrain(), "external", null,
                data.trueProbabilities());
    }
}
