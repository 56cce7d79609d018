package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.Topics;

import java.io.Serializable;
import java.util.Objects;

/**
 * Parameters of lead scoring.
 *
 * @param modelName        the model family served; announcements of other families are ignored
 * @param schedule         where each lead's one timer goes (decay every 24 h at most, for 90 quiet days)
 * @param historySize      changes kept per lead and sent with each score (50)
 * @param maxKnownVersions model versions kept per tenant for rollback, the active one included (3)
 * @param maxFactors       factors shown on each side, positive and negative (3)
 * @param minFactorWeight  contributions below this, in log-odds, are not shown (0.05)
 * @param rules            the suggested-actions table
 * @param defaultModel     served to tenants that have had no announcement, or null for none; lets a job score
 *                         from its first event, and tenants can roll back to it by announcing its version
 * @param windowExpiry     reads a profile's next window expiry, if profiles carry it
 * @param modelsTopic      named in the dead letters of refused models
 * @param minScoreChange   the smallest move of the 0-100 score that is emitted (1: every change); a tier or model
 *                         change is always emitted. Each emitted score costs an explanation (TreeSHAP), so a larger
 *                         value trades the finest movements for CPU
 */
public record LeadScoringConfig(String modelName, RescoreSchedule schedule, int historySize, int maxKnownVersions,
                                int maxFactors, double minFactorWeight, SuggestedActionRules rules,
                                ModelArtifact defaultModel, WindowExpiry windowExpiry, String modelsTopic,
                                int minScoreChange)
        implements Serializable {

    public static final String DEFAULT_MODEL_NAME = "lead-score";
    public static final int DEFAULT_HISTORY_SIZE = 50;
    public static final int DEFAULT_KNOWN_VERSIONS = 3;
    public static final int DEFAULT_FACTORS = 3;
    public static final double DEFAULT_MIN_FACTOR_WEIGHT = 0.05;
    public static final int DEFAULT_MIN_SCORE_CHANGE = 1;

    public LeadScoringConfig {
        if (modelName == null || modelName.isBlank()) {
            throw new IllegalArgumentException("modelName must not be blank");
        }
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(windowExpiry, "windowExpiry");
        Objects.requireNonNull(modelsTopic, "modelsTopic");
        if (historySize < 1) {
            throw new IllegalArgumentException("historySize must be at least 1, got " + historySize);
        }
        if (maxKnownVersions < 1) {
            throw new IllegalArgumentException("maxKnownVersions must be at least 1, got " + maxKnownVersions);
        }
        if (maxFactors < 0 || minFactorWeight < 0) {
            throw new IllegalArgumentException("maxFactors and minFactorWeight must not be negative");
        }
        if (minScoreChange < 1 || minScoreChange > 100) {
            throw new IllegalArgumentException("minScoreChange must be between 1 and 100, got " + minScoreChange);
        }
    }

    public static LeadScoringConfig defaults() {
        return new LeadScoringConfig(DEFAULT_MODEL_NAME, RescoreSchedule.defaults(), DEFAULT_HISTORY_SIZE,
                DEFAULT_KNOWN_VERSIONS, DEFAULT_FACTORS, DEFAULT_MIN_FACTOR_WEIGHT, SuggestedActionRules.defaults(),
                null, WindowExpiry.unknown(), Topics.MODELS, DEFAULT_MIN_SCORE_CHANGE);
    }

    public LeadScoringConfig withSchedule(RescoreSchedule value) {
        return new LeadScoringConfig(modelName, value, historySize, maxKnownVersions, maxFactors, minFactorWeight,
                rules, defaultModel, windowExpiry, modelsTopic, minScoreChange);
    }

    public LeadScoringConfig withHistorySize(int value) {
        return new LeadScoringConfig(modelName, schedule, value, maxKnownVersions, maxFactors, minFactorWeight,
                rules, defaultModel, windowExpiry, modelsTopic, minScoreChange);
    }

    public LeadScoringConfig withMaxKnownVersions(int value) {
        return new LeadScoringConfig(modelName, schedule, historySize, value, maxFactors, minFactorWeight,
                rules, defaultModel, windowExpiry, modelsTopic, minScoreChange);
    }

    public LeadScoringConfig withRules(SuggestedActionRules value) {
        return new LeadScoringConfig(modelName, schedule, historySize, maxKnownVersions, maxFactors, minFactorWeight,
                value, defaultModel, windowExpiry, modelsTopic, minScoreChange);
    }

    public LeadScoringConfig withDefaultModel(ModelArtifact value) {
        return new LeadScoringConfig(modelName, schedule, historySize, maxKnownVersions, maxFactors, minFactorWeight,
                rules, value, windowExpiry, modelsTopic, minScoreChange);
    }

    public LeadScoringConfig withWindowExpiry(WindowExpiry value) {
        return new LeadScoringConfig(modelName, schedule, historySize, maxKnownVersions, maxFactors, minFactorWeight,
                rules, defaultModel, value, modelsTopic, minScoreChange);
    }

    public LeadScoringConfig withModelName(String value) {
        return new LeadScoringConfig(value, schedule, historySize, maxKnownVersions, maxFactors, minFactorWeight,
                rules, defaultModel, windowExpiry, modelsTopic, minScoreChange);
    }

    public LeadScoringConfig withModelsTopic(String value) {
        return new LeadScoringConfig(modelName, schedule, historySize, maxKnownVersions, maxFactors, minFactorWeight,
                rules, defaultModel, windowExpiry, value, minScoreChange);
    }

    public LeadScoringConfig withMinScoreChange(int value) {
        return new LeadScoringConfig(modelName, schedule, historySize, maxKnownVersions, maxFactors, minFactorWeight,
                rules, defaultModel, windowExpiry, modelsTopic, value);
    }

    public LeadScorer scorer() {
        return new LeadScorer(rules, maxFactors, minFactorWeight);
    }
}
