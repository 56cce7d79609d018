package com.crmautopilot.models.scoring;

/**
 * A feature's total split gain in the ensemble, and its share of all gain.
 */
public record FeatureImportance(String feature, double gain, double share) {
}
