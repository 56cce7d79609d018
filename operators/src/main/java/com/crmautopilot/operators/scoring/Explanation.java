package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.ScoreFactors;

import java.util.List;

/**
 * What an emitted score says beyond its number: the expensive part (TreeSHAP), done only for scores that are
 * emitted.
 *
 * @param factors    every factor, in the stable order of {@link FactorSentences#all}
 * @param shown      the strongest positive and negative factors as sentences
 * @param actions    from the rules table
 * @param confidence see {@link ScoreConfidence}
 */
public record Explanation(List<Factor> factors, ScoreFactors shown, List<String> actions, double confidence) {
}
