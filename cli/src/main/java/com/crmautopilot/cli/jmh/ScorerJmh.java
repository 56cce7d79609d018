package com.crmautopilot.cli.jmh;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Runs {@link ScorerBenchmark} through JMH with short defaults (one fork, 2 warm-up and 3 measured iterations of
 * a second each: about 20 s for the three benchmarks) and returns ns per prediction and per explanation.
 * {@code main} prints them.
 */
public final class ScorerJmh {

    /**
     * @param forks      0 runs in this JVM (quicker, less isolated); 1 or more fork fresh JVMs
     * @param modelDir   a trained model, or null for complete random trees of {@code trees} x {@code depth}
     */
    public record Options(int forks, int warmupIterations, int measurementIterations, TimeValue iterationTime,
                          Path modelDir, int trees, int depth) {

        public static Options quick() {
            return new Options(1, 2, 3, TimeValue.seconds(1), null, 300, 6);
        }

        public Options withModel(Path dir) {
            return new Options(forks, warmupIterations, measurementIterations, iterationTime, dir, trees, depth);
        }

        public Options inProcess() {
            return new Options(0, warmupIterations, measurementIterations, iterationTime, modelDir, trees, depth);
        }
    }

    /**
     * @param nsPerPrediction  mean, with {@code predictionError} its 99.9% confidence half-width (NaN with one
     *                         iteration)
     * @param nsPerExplanation as the scorer explains (path tables)
     * @param nsPerTreeShap    the reference TreeSHAP recursion, for comparison
     */
    public record Result(double nsPerPrediction, double predictionError, double nsPerExplanation,
                         double explanationError, double nsPerTreeShap, String model) {

        public double explainPerPredict() {
            return nsPerExplanation / nsPerPrediction;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("ns_per_prediction", round(nsPerPrediction));
            json.put("ns_per_prediction_error", round(predictionError));
            json.put("ns_per_explanation", round(nsPerExplanation));
            json.put("ns_per_explanation_error", round(explanationError));
            json.put("explanation_per_prediction", round(explainPerPredict()));
            json.put("ns_per_treeshap_explanation", round(nsPerTreeShap));
            json.put("jmh_model", model);
            return json;
        }

        private static double round(double v) {
            return Double.isNaN(v) ? v : Math.round(v * 10) / 10.0;
        }
    }

    private ScorerJmh() {
    }

    public static Result run(Options options) throws RunnerException {
        ChainedOptionsBuilder builder = new OptionsBuilder()
                .include(ScorerBenchmark.class.getName() + "\\.")
                .forks(options.forks())
                .warmupIterations(options.warmupIterations())
                .measurementIterations(options.measurementIterations())
                .warmupTime(options.iterationTime())
                .measurementTime(options.iterationTime())
                .param("trees", String.valueOf(options.trees()))
                .param("depth", String.valueOf(options.depth()))
                .param("modelDir", options.modelDir() == null ? "" : options.modelDir().toString())
                .verbosity(VerboseMode.SILENT);
        Collection<RunResult> results = new Runner(builder.build()).run();
        double predict = Double.NaN;
        double predictError = Double.NaN;
        double explain = Double.NaN;
        double explainError = Double.NaN;
        double treeShap = Double.NaN;
        for (RunResult result : results) {
            String label = result.getPrimaryResult().getLabel();
            double score = result.getPrimaryResult().getScore();
            double error = result.getPrimaryResult().getScoreError();
            if (label.equals("predict")) {
                predict = score;
                predictError = error;
            } else if (label.equals("explain")) {
                explain = score;
                explainError = error;
            } else if (label.equals("explainTreeShap")) {
                treeShap = score;
            }
        }
        String model = options.modelDir() != null ? options.modelDir().toString()
                : options.trees() + " complete trees of depth " + options.depth();
        return new Result(predict, predictError, explain, explainError, treeShap, model);
    }

    /**
     * {@code ScorerJmh [--in-process] [--model DIR | --trained]}: prints ns per prediction and per explanation, for
     * a trained model, XGBoost trees of 300 x 6 grown on random rows ({@code --trained}), or complete random trees.
     */
    public static void main(String[] args) throws Exception {
        Options options = Options.quick();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--in-process")) {
                options = options.inProcess();
            } else if (args[i].equals("--model") && i + 1 < args.length) {
                options = options.withModel(Path.of(args[++i]));
            } else if (args[i].equals("--trained")) {
                Path dir = java.nio.file.Files.createTempDirectory("scorer-jmh-model-");
                options = options.withModel(BenchModels.train(options.trees(), options.depth(), 42, dir));
            }
        }
        Result result = run(options);
        System.out.printf(java.util.Locale.ROOT, "%s: %.0f ns per prediction, %.0f ns per explanation (%.0fx), "
                        + "%.0f ns per TreeSHAP explanation%n", result.model(), result.nsPerPrediction(),
                result.nsPerExplanation(), result.explainPerPredict(), result.nsPerTreeShap());
    }
}
