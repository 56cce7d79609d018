package com.crmautopilot.models.scoring;

/**
 * Where a model's training data came from and how it was split.
 *
 * @param source      a file name or a description
 * @param rows        rows used (after dropping rows without a label)
 * @param split       see {@link Metrics#split()}
 * @param timeColumn  the column that ordered the rows, or null
 * @param from        the earliest time (or first row number) in the data
 * @param to          the latest time (or last row number) in the data
 * @param testFrom    where the holdout begins, for a time split; null otherwise
 * @param nFit        rows the trees were grown on
 * @param nValidation rows for early stopping, calibration and tier thresholds
 * @param nTest       holdout rows
 */
public record TrainingData(String source, int rows, String split, String timeColumn, String from, String to,
                           String testFrom, int nFit, int nValidation, int nTest) {
}
