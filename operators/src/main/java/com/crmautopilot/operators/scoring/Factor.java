package com.crmautopilot.operators.scoring;

import java.util.Locale;

/**
 * One reason behind a score: a feature (or a group of features about the same fact), its contribution in log-odds
 * and the evidence in words.
 *
 * @param feature  the feature name; the demo request's two features count as {@code demo_requested}
 * @param weight   the SHAP value: positive pushes towards conversion
 * @param evidence what the lead did or is, e.g. "Demo requested 2 days ago"
 * @param value    the evidence's value alone ("2 days ago", "software", "3"), for action templates
 */
public record Factor(String feature, double weight, String evidence, String value) {

    /** The evidence with its weight, as {@code factors.positive} and {@code factors.negative} show it. */
    public String sentence() {
        return evidence + String.format(Locale.ROOT, " (weight: %.2f)", weight);
    }

    public boolean isPositive() {
        return weight > 0;
    }
}
