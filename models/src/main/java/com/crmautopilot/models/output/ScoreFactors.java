package com.crmautopilot.models.output;

import java.util.List;

/**
 * The reasons behind a score, as people read them: the strongest contributions for and against, each a sentence
 * with its evidence and its weight, e.g. {@code "Demo requested 2 days ago (weight: 0.85)"}. A weight is the
 * feature's SHAP value in log-odds: positive pushes towards conversion, and all weights plus the model's base value
 * add up to the score's log-odds.
 *
 * @param positive strongest first
 * @param negative strongest first
 */
public record ScoreFactors(List<String> positive, List<String> negative) {

    public ScoreFactors {
        positive = positive == null ? List.of() : List.copyOf(positive);
        negative = negative == null ? List.of() : List.copyOf(negative);
    }
}
