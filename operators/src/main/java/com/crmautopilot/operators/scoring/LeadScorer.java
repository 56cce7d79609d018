package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.models.output.ScoreFactors;
import com.crmautopilot.models.scoring.FeatureVector;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.Model;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.scoring.ScoreResult;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Scores a lead profile with a model and explains the score, without Flink. Scoring is the Java tree walk (a few
 * microseconds for hundreds of trees); explaining runs TreeSHAP, a few hundred times dearer, so callers explain
 * only the scores they emit.
 */
public final class LeadScorer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final SuggestedActionRules rules;
    private final int maxFactors;
    private final double minFactorWeight;

    /**
     * @param maxFactors      factors shown on each side (positive, negative)
     * @param minFactorWeight contributions smaller than this (in log-odds) are not worth a sentence
     */
    public LeadScorer(SuggestedActionRules rules, int maxFactors, double minFactorWeight) {
        this.rules = Objects.requireNonNull(rules, "rules");
        if (maxFactors < 0 || minFactorWeight < 0) {
            throw new IllegalArgumentException("maxFactors and minFactorWeight must not be negative");
        }
        this.maxFactors = maxFactors;
        this.minFactorWeight = minFactorWeight;
    }

    /** The lead's score as of {@code nowMillis}: recency features are measured up to then. */
    public Evaluation evaluate(Model model, LeadProfile profile, long nowMillis) {
        RawFeatures raw = LeadFeatures.from(profile, Instant.ofEpochMilli(nowMillis));
        FeatureVector row = model.spec().encode(raw);
        ScoreResult result = model.score(row);
        return new Evaluation(raw, row, result);
    }

    public Explanation explain(Model model, Evaluation evaluation, LeadProfile profile) {
        List<Factor> factors = FactorSentences.all(model.explain(evaluation.row()), evaluation.raw(), profile);
        List<Factor> positive = FactorSentences.strongest(factors, true, maxFactors, minFactorWeight);
        List<Factor> negative = FactorSentences.strongest(factors, false, maxFactors, minFactorWeight);
        List<Factor> shown = new ArrayList<>(positive);
        shown.addAll(negative);
        ScoreFactors sentences = new ScoreFactors(positive.stream().map(Factor::sentence).toList(),
                negative.stream().map(Factor::sentence).toList());
        double confidence = ScoreConfidence.of(evaluation.raw(), profile.totalEvents(), model.tiers(),
                evaluation.result().probability());
        return new Explanation(factors, sentences, rules.actionsFor(evaluation.tier(), shown), confidence);
    }
}
