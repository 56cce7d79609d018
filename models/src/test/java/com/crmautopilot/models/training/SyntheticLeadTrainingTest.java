package com.crmautopilot.models.training;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.Contributions;
import com.crmautopilot.models.scoring.FeatureSpec;
import com.crmautopilot.models.scoring.FeatureVector;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.scoring.ModelCard;
import com.crmautopilot.models.scoring.RawFeatures;
import com.crmautopilot.models.scoring.ScoreResult;
import com.crmautopilot.models.scoring.TreeEnsemble;
import com.crmautopilot.models.scoring.TreeEnsembleScorer;
import com.crmautopilot.models.scoring.TreeShap;
import com.crmautopilot.models.scoring.XgboostModelReader;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Trains on seeded lead snapshots with known conversion probabilities and missing values, twice: with the default
 * linear base and with trees alone, and checks the serving side against XGBoost4J on every holdout row.
 */
class SyntheticLeadTrainingTest {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticLeadTrainingTest.class);
    private static final TrainerConfig CONFIG = TrainerConfig.builder().maxRounds(250).earlyStoppingRounds(30).build();

    @TempDir
    static Path dir;
    static Dataset data;
    static TrainingResult hybrid;
    static TrainingResult treesOnly;

    @BeforeAll
    static void train() {
        data = SyntheticLeads.generate(25_000, 2025);
        List<String> steps = new ArrayList<>();
        hybrid = new Trainer(CONFIG, (step, done, total) -> steps.add(step)).train(data, dir.resolve("hybrid"));
        treesOnly = new Trainer(TrainerConfig.builder().maxRounds(250).earlyStoppingRounds(30).linearBase(false).build(),
                TrainingProgress.NONE).train(data, dir.resolve("trees"));
        assertThat(steps).contains("split", "baseline", "boosting", "refitting", "calibration", "write");
        LOG.info("synthetic hybrid: {}", Json.write(hybrid.card().metrics()));
        LOG.info("synthetic trees only: {}", Json.write(treesOnly.card().metrics()));
    }

    @Test
    void comesCloseToTheOracleAndBeatsTheBaseline() {
        for (TrainingResult result : List.of(hybrid, treesOnly)) {
            Metrics m = result.card().metrics();
            assertThat(m.split()).isEqualTo(Split.TIME);
            assertThat(m.oracleAuc()).isGreaterThan(0.75);
            assertThat(m.auc() - 0.5).isGreaterThanOrEqualTo(0.9 * (m.oracleAuc() - 0.5));
            assertThat(m.auc()).isGreaterThan(m.baselineAuc());
            assertThat(m.ece()).isLessThan(0.03);
        }
    }

    @Test
    void theJavaScorerMatchesXgboostOnEveryHoldoutRowMissingValuesIncluded() throws Exception {
        for (TrainingResult result : List.of(hybrid, treesOnly)) {
            Holdout h = Holdout.of(data, result);
            assertThat(h.missingValues()).as("the holdout has missing values to route").isGreaterThan(h.rows());

            float[] expected = h.xgboostMargins();

            for (int i = 0; i < h.rows(); i++) {
                float java = result.model().margin(h.row(i));
                assertThat((double) java).as("row %d", i).isCloseTo(expected[i], within(1e-5));
            }
            h.dispose();
        }
    }

    @Test
    void treeShapMatchesXgboostsContributionsOnEveryHoldoutRow() throws Exception {
        for (TrainingResult result : List.of(hybrid, treesOnly)) {
            Holdout h = Holdout.of(data, result);
            TreeEnsemble ensemble = XgboostModelReader.read(result.directory().resolve(GradientBoostedModel.TREES_FILE));
            TreeShap shap = new TreeShap(ensemble);
            int width = h.width();

            float[][] expected = h.booster().predictContrib(h.matrix(), 0);

            for (int i = 0; i < h.rows(); i++) {
                double[] phi = shap.contributions(h.row(i));
                for (int f = 0; f < width; f++) {
                    assertThat(phi[f]).as("row %d feature %d", i, f).isCloseTo(expected[i][f], within(1e-4));
                }
                double bias = h.baseMargin() == null ? shap.bias() : h.baseMargin()[i] + shap.treeExpectation();
                assertThat(bias).as("row %d bias", i).isCloseTo(expected[i][width], within(1e-4));
            }
            h.dispose();
        }
    }

    @Test
    void explanationsAddUpToTheMarginAndNameTheValues() {
        GradientBoostedModel model = hybrid.model();
        Holdout h = Holdout.of(data, hybrid);
        for (int i = 0; i < 200; i++) {
            FeatureVector row = FeatureVector.of(h.row(i));

            Contributions c = model.explain(row);

            double sum = c.bias() + c.features().stream().mapToDouble(x -> x.value()).sum();
            assertThat(sum).isCloseTo(model.score(row).margin(), within(1e-4));
            assertThat(c.margin()).isCloseTo(sum, within(1e-9));
        }
        FeatureVector demo = FeatureVector.of(h.row(0));
        assertThat(model.explain(demo).features()).extracting(x -> x.feature()).containsExactlyElementsOf(model.spec().names());
    }

    @Test
    void readsTheSameTreesFromUbjsonAndJson() throws Exception {
        Booster booster = XGBoost.loadModel(treesOnly.directory().resolve(GradientBoostedModel.TREES_FILE).toString());
        TreeEnsembleScorer fromUbj = new TreeEnsembleScorer(XgboostModelReader.read(booster.toByteArray("ubj")));
        TreeEnsembleScorer fromJson = new TreeEnsembleScorer(XgboostModelReader.read(booster.toByteArray("json")));
        booster.dispose();
        Holdout h = Holdout.of(data, treesOnly);

        for (int i = 0; i < h.rows(); i++) {
            assertThat(fromJson.margin(h.row(i))).isEqualTo(fromUbj.margin(h.row(i)));
        }
        assertThat(fromUbj.numTrees()).isEqualTo(treesOnly.card().numTrees());
        h.dispose();
    }

    @Test
    void modelJsonRoundTripsAndTheLoadedModelScoresAsTrained() throws Exception {
        Path file = hybrid.directory().resolve(ModelCard.FILE_NAME);

        ModelCard read = ModelCard.read(file);

        assertThat(read.toJson()).isEqualTo(hybrid.card().toJson());
        assertThat(read.featureSpec()).isEqualTo(hybrid.card().featureSpec());
        assertThat(read.calibration()).isEqualTo(hybrid.card().calibration());
        assertThat(read.linearBase()).isEqualTo(hybrid.card().linearBase());
        assertThat(read.metrics()).isEqualTo(hybrid.card().metrics());
        assertThat(read.featureSpec().compatibleWith(LeadFeatures.template())).isTrue();
        assertThat(Json.read(Files.readString(hybrid.directory().resolve(Trainer.METRICS_FILE)), Metrics.class))
                .isEqualTo(hybrid.card().metrics());
        assertThat(read.version()).startsWith("lead-score-").hasSize("lead-score-".length() + 12);
        String report = Files.readString(hybrid.directory().resolve(Trainer.REPORT_FILE));
        assertThat(report).contains("<svg", "ROC", "Reliability", read.topFeatures().get(0).feature());
    }

    @Test
    void servingMapsAnUnseenCategoryToMissingAndStillScores() {
        GradientBoostedModel model = hybrid.model();
        FeatureSpec spec = model.spec();
        RawFeatures raw = LeadFeatures.from(sampleProfile("biotech-never-seen"), SyntheticLeads.START);

        FeatureVector row = spec.encode(raw);
        ScoreResult result = model.score(row);

        assertThat(row.isMissing(spec.indexOf(LeadFeatures.INDUSTRY))).isTrue();
        assertThat(result.probability()).isBetween(0.0, 1.0);
        assertThat(result.tier()).isEqualTo(model.tiers().tierOf(result.probability()));
    }

    @Test
    void theEvaluatorReproducesTheHoldoutMetrics() {
        Dataset holdout = data.subset(hybrid.split().test());

        Metrics m = Evaluator.evaluate(hybrid.directory(), holdout);

        Metrics trained = hybrid.card().metrics();
        assertThat(m.auc()).isEqualTo(trained.auc());
        assertThat(m.logLoss()).isEqualTo(trained.logLoss());
        assertThat(m.precisionHot()).isEqualTo(trained.precisionHot());
        assertThat(m.oracleAuc()).isEqualTo(trained.oracleAuc());
        assertThat(m.nTest()).isEqualTo(trained.nTest());
        assertThat(m.split()).isEqualTo("external");
    }

    private static com.crmautopilot.models.output.LeadProfile sampleProfile(String industry) {
        return new com.crmautopilot.models.output.LeadProfile("t:L:1", "t", "L", 1, SyntheticLeads.START, "web.visit", "e1",
                "Grace", "Director of IT", "Navy", 900, industry, "US", "web", "K-3", "U1", "open",
                3, 2, 1, 0, 4, 1, 1, 0, 0, 11, true, SyntheticLeads.START.minusSeconds(86_400),
                SyntheticLeads.START.minusSeconds(20 * 86_400), SyntheticLeads.START, SyntheticLeads.START, 0, 0, null);
    }
}
