package com.crmautopilot.models.scoring;

import com.crmautopilot.models.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything about a trained model except its trees: the content of {@code model.json}. Serving needs the spec,
 * calibration and tier thresholds from it; people and the rollout need the rest.
 *
 * @param formatVersion     the layout of this file, {@value #FORMAT_VERSION}
 * @param name              the model family, e.g. "lead-score"
 * @param version           unique per artifact: the name and a digest of the trees
 * @param createdAt         when training finished
 * @param label             the label column it predicts
 * @param featureSpec       the input columns
 * @param trainingData      the data range and split
 * @param tierThresholds    tier cut-offs on the calibrated probability
 * @param decisionThreshold the operating point of the precision and recall metrics
 * @param calibration       margin to probability
 * @param linearBase        the linear part the trees were boosted on, or null for trees alone
 * @param metrics           holdout figures
 * @param hyperparameters   XGBoost parameters as trained
 * @param bestIteration     the boosting round early stopping chose (0-based)
 * @param numTrees          trees in {@code model.ubj}
 * @param topFeatures       features by total gain, largest first
 */
public record ModelCard(
        int formatVersion,
        String name,
        String version,
        Instant createdAt,
        String label,
        FeatureSpec featureSpec,
        TrainingData trainingData,
        TierThresholds tierThresholds,
        double decisionThreshold,
        Calibration calibration,
        LinearBase linearBase,
        Metrics metrics,
        Map<String, Object> hyperparameters,
        int bestIteration,
        int numTrees,
        List<FeatureImportance> topFeatures) {

    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "model.json";

    public static ModelCard read(Path file) {
        try {
            return fromJson(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public static ModelCard fromJson(byte[] json) {
        ModelCard card = Json.read(json, ModelCard.class);
        if (card.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("model.json format " + card.formatVersion() + " is not " + FORMAT_VERSION);
        }
        return card;
    }

    public String toJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
