package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.scoring.FeatureVector;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.scoring.ScoreResult;
import com.crmautopilot.models.scoring.Tier;

/**
 * A lead scored at one instant, before any explanation: the cheap part, done on every rescore.
 *
 * @param raw    the features in the template's layout
 * @param row    the same, encoded with the model's spec
 * @param result probability, margin and tier
 */
public record Evaluation(RawFeatures raw, FeatureVector row, ScoreResult result) {

    public int score() {
        return result.score();
    }

    public Tier tier() {
        return result.tier();
    }
}
