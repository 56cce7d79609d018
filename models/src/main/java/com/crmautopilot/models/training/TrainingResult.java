package com.crmautopilot.models.training;

import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.ModelCard;

import java.nio.file.Path;

/**
 * What {@link Trainer#train} produced: the artifact directory, its card, the model loaded back from it exactly as
 * serving loads it, and the split, so callers can re-check any figure.
 */
public record TrainingResult(Path directory, ModelCard card, GradientBoostedModel model, Split split,
                             Calibrators.Choice calibration) {
}
