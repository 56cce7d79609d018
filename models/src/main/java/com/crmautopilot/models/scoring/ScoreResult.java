package com.crmautopilot.models.scoring;

/**
 * One scored row.
 *
 * @param probability the calibrated probability of conversion
 * @param margin      the ensemble's raw log-odds, before calibration
 * @param tier        the tier of {@code probability}
 */
public record ScoreResult(double probability, double margin, Tier tier) {

    /** The probability as the 0-100 score people see. */
    public int score() {
        return (int) Math.round(100 * probability);
    }
}
