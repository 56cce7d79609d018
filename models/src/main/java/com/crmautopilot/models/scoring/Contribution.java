package com.crmautopilot.models.scoring;

/**
 * One feature's share of a score, in margin (log-odds) units: positive pushes towards conversion.
 *
 * @param feature the feature name
 * @param index   its position in the spec
 * @param value   the SHAP value
 * @param shown   the feature's value as people read it ("software", "yes", "12"), or "missing"
 */
public record Contribution(String feature, int index, double value, String shown) {
}
