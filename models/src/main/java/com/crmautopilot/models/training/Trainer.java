package com.crmautopilot.models.training;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.Calibration;
import com.crmautopilot.models.scoring.FeatureImportance;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.LinearBase;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.scoring.ModelCard;
import com.crmautopilot.models.scoring.TierThresholds;
import com.crmautopilot.models.scoring.TrainingData;
import com.crmautopilot.models.scoring.XgboostModelReader;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trains a lead-scoring model end to end and writes its artifact directory:
 * <ol>
 *   <li>split: holdout by time when there is time, else seeded and stratified ({@link Split});</li>
 *   <li>learn the feature spec (vocabularies) from the fit rows only;</li>
 *   <li>fit the logistic regression on the training rows: it is the reported baseline and, by default, the
 *   {@link LinearBase} the trees are boosted on;</li>
 *   <li>boost XGBoost {@code binary:logistic} trees on the fit rows, scoring the validation rows after each round,
 *   and keep the best round count (early stopping);</li>
 *   <li>grow the final trees, that many rounds, on the fit and validation rows together (by default);</li>
 *   <li>load the saved trees into the Java scorer and check it against XGBoost on the validation rows;</li>
 *   <li>calibrate and set tier thresholds on the validation rows, as scored by trees that never saw them;</li>
 *   <li>measure on the holdout, beside the baseline;</li>
 *   <li>write {@code model.ubj}, {@code model.json}, {@code metrics.json} and {@code report.html}.</li>
 * </ol>
 */
public final class Trainer {

    public static final String METRICS_FILE = "metrics.json";
    public static final String REPORT_FILE = "report.html";
    static final double SCORER_TOLERANCE = 1e-4;
    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);
    private static final int TOP_FEATURES = 20;

    private final TrainerConfig config;
    private final TrainingProgress progress;
    private final Clock clock;

    public Trainer(TrainerConfig config, TrainingProgress progress) {
        this(config, progress, Clock.systemUTC());
    }

    public Trainer(TrainerConfig config, TrainingProgress progress, Clock clock) {
        this.config = config;
        this.progress = progress;
        this.clock = clock;
    }

    public TrainingResult train(Dataset data, Path outDir) {
        Split split = Split.of(data, config.testFraction(), config.validationFraction(), config.seed(),
                config.embargo().toMillis());
        requireBothClasses(data, split.fit(), "fit");
        requireBothClasses(data, split.validation(), "validation");
        requireBothClasses(data, split.test(), "holdout");
        progress.update("split", 1, 1);

        int[] trainRows = config.refitOnValidation()
                ? concat(concat(split.fit(), split.purged()), split.validation()) : split.fit();
        // The search sees only what the fit rows teach (vocabularies included), so validation stays honest; the
        // final model learns its vocabularies from all its training rows, or categories that first appear in the
        // validation rows would be unseen forever.
        FeatureSpec searchSpec = FeatureSpecFitter.fit(data, split.fit(), config.maxCategories());
        FeatureSpec spec = config.refitOnValidation()
                ? FeatureSpecFitter.fit(data, trainRows, config.maxCategories()) : searchSpec;
        int width = spec.size();
        if (width == 0) {
            throw new DataImportException(data.source() + " has no feature columns left to learn from");
        }
        float[] trainX = data.encode(spec, trainRows);
        float[] validationX = data.encode(spec, split.validation());
        float[] testX = data.encode(spec, split.test());
        int[] trainY = labels(data, trainRows);
        int[] validationY = labels(data, split.validation());
        int[] testY = labels(data, split.test());

        progress.update("baseline", 0, 1);
        LinearBase linear = LinearBaseFitter.fit(trainX, trainRows.length, spec, trainY, config.baselineL2());
        double[] baselineP = sigmoid(linearMargins(linear, testX, width));
        double baselineAuc = BinaryMetrics.auc(baselineP, testY);
        progress.update("baseline", 1, 1);
        LinearBase base = config.linearBase() ? linear : null;
        float[] fitBase = base == null ? null : toFloat(linearMargins(base, data.encode(spec, split.fit()), width));
        float[] validationBase = base == null ? null : toFloat(linearMargins(base, validationX, width));

        byte[] modelBytes;
        Search search;
        Map<String, Double> gain;
        float[] xgboostValidationMargins;
        try {
            DMatrix fit = matrix(data.encode(searchSpec, split.fit()), labels(data, split.fit()), width, fitBase);
            DMatrix searchValidation = matrix(data.encode(searchSpec, split.validation()), validationY, width, validationBase);
            try {
                search = search(fit, searchValidation);
            } finally {
                fit.dispose();
                searchValidation.dispose();
            }
            DMatrix train = matrix(trainX, trainY, width, base == null ? null : toFloat(linearMargins(base, trainX, width)));
            DMatrix validation = matrix(validationX, validationY, width, validationBase);
            try {
                Booster booster = boost(train, search.best() + 1);
                try {
                    modelBytes = booster.toByteArray("ubj");
                    gain = booster.getScore(spec.names().toArray(String[]::new), "total_gain");
                    xgboostValidationMargins = column(booster.predict(validation, true));
                } finally {
                    booster.dispose();
                }
            } finally {
                train.dispose();
                validation.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost failed: " + e.getMessage(), e);
        }
        int bestIteration = search.best();

        // Calibrate on margins from trees that never saw the validation rows.
        Calibrators.Choice calibration = Calibrators.choose(toDouble(search.validationMargins()), validationY, config.seed());
        double[] validationP = MetricsCalculator.probabilities(search.validationMargins(), calibration.calibration());
        TierThresholds tiers = config.tierPolicy().choose(validationP, validationY);
        progress.update("calibration", 1, 1);

        String version = config.modelName() + "-" + digest(modelBytes);
        ModelCard provisional = new ModelCard(ModelCard.FORMAT_VERSION, config.modelName(), version, Instant.now(clock),
                data.labelName(), spec, trainingData(data, split), tiers, config.decisionThreshold(),
                calibration.calibration(), base, null, config.xgboostParameters(), bestIteration, bestIteration + 1,
                importance(gain));
        GradientBoostedModel model = new GradientBoostedModel(provisional, XgboostModelReader.read(modelBytes));
        checkScorerAgrees(model.margins(validationX, split.validation().length), xgboostValidationMargins);

        float[] testMargins = model.margins(testX, split.test().length);
        double[] truth = data.trueProbabilities() == null ? null : pick(data.trueProbabilities(), split.test());
        Metrics metrics = MetricsCalculator.compute(testMargins, testY, calibration.calibration(), tiers,
                config.decisionThreshold(), split.trainSize(), split.kind(), baselineAuc, truth);
        ModelCard card = new ModelCard(provisional.formatVersion(), provisional.name(), version, provisional.createdAt(),
                provisional.label(), spec, provisional.trainingData(), tiers, provisional.decisionThreshold(),
                provisional.calibration(), base, metrics, provisional.hyperparameters(), bestIteration, bestIteration + 1,
                provisional.topFeatures());
        write(outDir, modelBytes, card);
        double[] testP = MetricsCalculator.probabilities(testMargins, calibration.calibration());
        ReportWriter.write(outDir.resolve(REPORT_FILE), card, new ReportWriter.Curves(
                BinaryMetrics.rocCurve(testP, testY, 200),
                BinaryMetrics.rocCurve(baselineP, testY, 200),
                BinaryMetrics.reliability(testP, testY, BinaryMetrics.CALIBRATION_BINS),
                BinaryMetrics.reliability(MetricsCalculator.probabilities(testMargins, new Calibration.Sigmoid()), testY,
                        BinaryMetrics.CALIBRATION_BINS),
                calibration.crossValidatedLogLoss()), data.warnings());
        progress.update("write", 1, 1);
        LOG.info("trained {}: {} trees, holdout auc {} (baseline {}), written to {}", version, bestIteration + 1,
                metrics.auc(), baselineAuc, outDir);
        return new TrainingResult(outDir, card, GradientBoostedModel.load(outDir), split, calibration);
    }

    /** The chosen round (0-based) and the validation margins of the trees up to it. */
    private record Search(int best, float[] validationMargins) {
    }

    /** Boosts up to {@code maxRounds}, scoring the validation rows after each round, and keeps the best round. */
    private Search search(DMatrix fit, DMatrix validation) throws XGBoostError {
        // Zero rounds: a booster whose prediction cache holds both matrices, so each evaluation is incremental.
        Booster booster = XGBoost.train(fit, config.xgboostParameters(), 0, Map.of("validation", validation), null, null);
        try {
            boolean higherIsBetter = config.earlyStoppingMetric().equals("auc");
            Pattern metric = Pattern.compile("validation-" + config.earlyStoppingMetric() + ":([-+0-9.eE]+|nan|inf)");
            double bestValue = Double.NaN;
            int best = 0;
            for (int round = 0; round < config.maxRounds(); round++) {
                booster.update(fit, round);
                double value = parseMetric(metric, booster.evalSet(new DMatrix[]{validation}, new String[]{"validation"}, round));
                if (Double.isNaN(bestValue) || (higherIsBetter ? value > bestValue : value < bestValue)) {
                    bestValue = value;
                    best = round;
                }
                progress.update("boosting", round + 1, config.maxRounds());
                if (round - best >= config.earlyStoppingRounds()) {
                    break;
                }
            }
            LOG.debug("early stopping chose round {} (validation {} {})", best, config.earlyStoppingMetric(), bestValue);
            return new Search(best, column(booster.predict(validation, true, best + 1)));
        } finally {
            booster.dispose();
        }
    }

    /** Grows exactly {@code rounds} trees; with the same seed they are the ones the search grew. */
    private Booster boost(DMatrix train, int rounds) throws XGBoostError {
        Booster booster = XGBoost.train(train, config.xgboostParameters(), 0, Map.of(), null, null);
        for (int round = 0; round < rounds; round++) {
            booster.update(train, round);
            progress.update("refitting", round + 1, rounds);
        }
        return booster;
    }

    private static double parseMetric(Pattern metric, String evaluation) {
        Matcher m = metric.matcher(evaluation);
        if (!m.find()) {
            throw new IllegalStateException("no " + metric.pattern() + " in '" + evaluation + "'");
        }
        String value = m.group(1);
        return value.startsWith("n") || value.startsWith("i") ? Double.NaN : Double.parseDouble(value);
    }

    private static void checkScorerAgrees(float[] java, float[] xgboost) {
        for (int i = 0; i < java.length; i++) {
            if (Math.abs(java[i] - xgboost[i]) > SCORER_TOLERANCE) {
                throw new IllegalStateException("the Java scorer gives margin " + java[i] + " for validation row " + i
                        + " but XGBoost gives " + xgboost[i] + ": refusing to write a model that would serve wrong scores");
            }
        }
    }

    /** A DMatrix of encoded rows, starting from per-row base margins when given. */
    static DMatrix matrix(float[] x, int[] y, int width, float[] baseMargins) throws XGBoostError {
        DMatrix m = new DMatrix(x, y.length, width, Float.NaN);
        float[] labels = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = y[i];
        }
        m.setLabel(labels);
        if (baseMargins != null) {
            m.setBaseMargin(baseMargins);
        }
        return m;
    }

    /** Base margins as XGBoost takes them, and as {@link GradientBoostedModel#margin} rounds them. */
    static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
        return out;
    }

    static double[] linearMargins(LinearBase base, float[] x, int width) {
        int n = x.length / width;
        double[] out = new double[n];
        float[] row = new float[width];
        for (int r = 0; r < n; r++) {
            System.arraycopy(x, r * width, row, 0, width);
            out[r] = base.margin(row);
        }
        return out;
    }

    private static double[] sigmoid(double[] margins) {
        double[] p = new double[margins.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Calibration.sigmoid(margins[i]);
        }
        return p;
    }

    private static void requireBothClasses(Dataset data, int[] rows, String part) {
        int positives = 0;
        for (int r : rows) {
            positives += data.labels()[r];
        }
        if (positives == 0 || positives == rows.length) {
            throw new DataImportException(data.source() + ": the " + part + " part of the split (" + rows.length
                    + " rows) has only " + (positives == 0 ? "negative" : "positive")
                    + " labels; more data, or more of the rarer class, is needed");
        }
    }

    private static TrainingData trainingData(Dataset data, Split split) {
        int n = data.size();
        String from;
        String to;
        if (data.times() != null) {
            long min = Arrays.stream(data.times()).min().orElse(0);
            long max = Arrays.stream(data.times()).max().orElse(0);
            from = Instant.ofEpochMilli(min).toString();
            to = Instant.ofEpochMilli(max).toString();
        } else {
            from = "row 1";
            to = "row " + n;
        }
        String testFrom = split.testFrom() == null ? null
                : data.times() != null ? Instant.ofEpochMilli(split.testFrom()).toString() : "row " + (split.testFrom() + 1);
        return new TrainingData(data.source(), n, split.kind(), data.timeName(), from, to, testFrom,
                split.fit().length, split.validation().length, split.test().length);
    }

    private static List<FeatureImportance> importance(Map<String, Double> gain) {
        double total = gain.values().stream().mapToDouble(Double::doubleValue).sum();
        List<FeatureImportance> out = new ArrayList<>();
        gain.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(TOP_FEATURES)
                .forEach(e -> out.add(new FeatureImportance(e.getKey(), e.getValue(), total == 0 ? 0 : e.getValue() / total)));
        return out;
    }

    private static void write(Path dir, byte[] modelBytes, ModelCard card) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(GradientBoostedModel.TREES_FILE), modelBytes);
            card.write(dir.resolve(ModelCard.FILE_NAME));
            Files.writeString(dir.resolve(METRICS_FILE),
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(card.metrics()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model to " + dir, e);
        }
    }

    static String digest(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    static int[] labels(Dataset data, int[] rows) {
        int[] y = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = data.labels()[rows[i]];
        }
        return y;
    }

    private static double[] pick(double[] values, int[] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = values[rows[i]];
        }
        return out;
    }

    private static float[] column(float[][] predictions) {
        float[] out = new float[predictions.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = predictions[i][0];
        }
        return out;
    }

    private static double[] toDouble(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
