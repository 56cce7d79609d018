package com.crmautopilot.models.scoring;

/**
 * How well a model did on data it never trained on (the holdout, or other data given to the evaluator). Stored as
 * {@code metrics.json} and inside {@code model.json}. Optional figures are null, and left out of the JSON.
 *
 * @param auc               area under the ROC curve of the calibrated probability
 * @param precision         precision at the operating point: predicted to convert when the calibrated probability is
 *                          at least {@code decisionThreshold} (0.5 by default: more likely than not); null when no
 *                          row reaches it
 * @param recall            recall at the same operating point
 * @param logLoss           mean negative log-likelihood of the calibrated probability
 * @param brier             mean squared error of the calibrated probability
 * @param ece               expected calibration error over 10 equal-width probability bins
 * @param eceUncalibrated   the same for XGBoost's own sigmoid, to show what calibration bought
 * @param precisionHot      precision of the hot tier; null when no row is hot
 * @param recallHot         share of all conversions that were hot
 * @param hotShare          share of rows that were hot
 * @param positiveRate      share of rows that converted
 * @param decisionThreshold the operating point of {@code precision} and {@code recall}
 * @param nTrain            rows the model learned from, its validation slice included
 * @param nTest             rows these figures come from
 * @param split             "time" (a time column), "row_order" (rows in time order), "stratified", or "external"
 * @param baselineAuc       a logistic regression's AUC on the same split
 * @param oracleAuc         the AUC of the true probabilities, when the data knows them (simulator)
 */
public record Metrics(
        double auc,
        Double precision,
        Double recall,
        double logLoss,
        double brier,
        double ece,
        Double eceUncalibrated,
        Double precisionHot,
        Double recallHot,
        double hotShare,
        double positiveRate,
        double decisionThreshold,
        Integer nTrain,
        int nTest,
        String split,
        Double baselineAuc,
        Double oracleAuc) {
}
