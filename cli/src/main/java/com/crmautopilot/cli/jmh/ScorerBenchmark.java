package com.crmautopilot.cli.jmh;

import com.crmautopilot.models.scoring.Contributions;
import com.crmautopilot.models.scoring.FeatureVector;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.ScoreResult;
import com.crmautopilot.operators.scoring.ServingModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The serving cost of one lead score: {@link #predict} (the pure-Java tree walk plus calibration, done for every
 * rescore) and {@link #explain} (SHAP values as the scorer computes them, through precomputed path tables, done for
 * every emitted score); {@link #explainTreeShap} is the reference TreeSHAP recursion they replace. Rows cycle
 * through a thousand different leads so branch predictors and caches see varied input.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ScorerBenchmark {

    /** A model directory the trainer wrote; empty for complete random trees of {@link #trees} x {@link #depth}. */
    @Param("")
    public String modelDir;

    @Param("300")
    public int trees;

    @Param("6")
    public int depth;

    private GradientBoostedModel model;
    private ServingModel served;
    private FeatureVector[] rows;
    private int next;

    @Setup
    public void setUp() {
        model = modelDir.isEmpty() ? BenchModels.completeTrees(trees, depth, 42)
                : GradientBoostedModel.load(Path.of(modelDir));
        served = ServingModel.of(model);
        rows = BenchModels.rows(1024, 7);
        if (!modelDir.isEmpty() && rows[0].size() != model.spec().size()) {
            throw new IllegalStateException(modelDir + " does not take the lead-scoring features");
        }
    }

    @Benchmark
    public ScoreResult predict() {
        return model.score(rows[next++ & 1023]);
    }

    @Benchmark
    public Contributions explain() {
        return served.explain(rows[next++ & 1023]);
    }

    @Benchmark
    public Contributions explainTreeShap() {
        return model.explain(rows[next++ & 1023]);
    }
}
