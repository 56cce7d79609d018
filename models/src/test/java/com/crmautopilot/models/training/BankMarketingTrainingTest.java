package com.crmautopilot.models.training;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.scoring.ModelCard;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The UCI bank-marketing export (Moro, Cortez and Rita, 2014), as a real file: semicolon-separated, quoted, CRLF,
 * in date order. {@code duration} is dropped because it is only known after the call, and the rows' order is their
 * time, so the holdout is the latest 20%: a harder test than a random split, since those months lie outside the
 * training range of every economic indicator.
 */
class BankMarketingTrainingTest {

    private static final Logger LOG = LoggerFactory.getLogger(BankMarketingTrainingTest.class);
    /** Beside the clone, as in CI: the module runs in models/, the repository in main/. */
    static final Path FILE = Path.of("..", "..", "shared", "data", "bank-marketing", "bank-additional-full.csv");
    private static final CsvOptions OPTIONS = CsvOptions.label("y").drop("duration").rowOrderIsTime(true).build();

    @TempDir
    static Path dir;
    static Dataset data;
    static TrainingResult result;

    @BeforeAll
    static void train() {
        assumeTrue(Files.exists(FILE), "bank-marketing is not beside the repository at " + FILE.toAbsolutePath());
        data = CsvImporter.read(FILE, OPTIONS);
        result = new Trainer(TrainerConfig.builder().maxRounds(300).build(), TrainingProgress.NONE).train(data, dir);
        LOG.info("bank-marketing: {}", Json.write(result.card().metrics()));
    }

    @Test
    void importsEveryContactWithoutDuration() {
        assertThat(data.size()).isEqualTo(41_188);
        assertThat(data.column("duration")).isNull();
        assertThat(data.columns()).hasSize(19);
        assertThat(data.positiveRate()).isCloseTo(0.113, within(0.001));
    }

    @Test
    void beatsTheSeedsBarAndTheLogisticBaselineOnTheLatestFifth() {
        Metrics m = result.card().metrics();

        assertThat(m.split()).isEqualTo(Split.ROW_ORDER);
        assertThat(m.nTrain()).isEqualTo(32_950);
        assertThat(m.nTest()).isEqualTo(8_238);
        assertThat(m.auc()).isGreaterThan(0.70);
        assertThat(m.auc()).isGreaterThanOrEqualTo(m.baselineAuc());
        assertThat(m.precision()).isNotNull().isGreaterThan(m.positiveRate());
        assertThat(m.precisionHot()).isNotNull().isGreaterThan(m.positiveRate());
        assertThat(m.oracleAuc()).isNull();
    }

    @Test
    void recordsTheDataRangeAndWritesEveryArtifact() {
        ModelCard card = ModelCard.read(dir.resolve(ModelCard.FILE_NAME));

        assertThat(card.trainingData().from()).isEqualTo("row 1");
        assertThat(card.trainingData().to()).isEqualTo("row 41188");
        assertThat(card.trainingData().testFrom()).isEqualTo("row 32951");
        assertThat(card.label()).isEqualTo("y");
        assertThat(card.featureSpec().names()).doesNotContain("duration", "y");
        assertThat(dir.resolve(GradientBoostedModel.TREES_FILE)).isNotEmptyFile();
        assertThat(dir.resolve(Trainer.METRICS_FILE)).isNotEmptyFile();
        assertThat(dir.resolve(Trainer.REPORT_FILE)).content().contains("<svg", "bank-additional-full.csv");
    }

    @Test
    void theJavaScorerMatchesXgboostOnEveryHoldoutRowAndWithValuesKnockedOut() {
        Holdout h = Holdout.of(data, result);
        float[] expected = h.xgboostMargins();
        for (int i = 0; i < h.rows(); i++) {
            assertThat((double) result.model().margin(h.row(i))).as("row %d", i).isCloseTo(expected[i], within(1e-5));
        }
        h.dispose();

        // The file has no blanks: knock out a fifth of the values to exercise the default directions.
        float[] x = h.x().clone();
        Random random = new Random(3);
        for (int i = 0; i < x.length; i++) {
            if (random.nextDouble() < 0.2) {
                x[i] = Float.NaN;
            }
        }
        Holdout holed = Holdout.of(result, x, h.rows(), h.width());
        expected = holed.xgboostMargins();
        for (int i = 0; i < holed.rows(); i++) {
            assertThat((double) result.model().margin(holed.row(i))).as("holed row %d", i)
                    .isCloseTo(expected[i], within(1e-5));
        }
        holed.dispose();
    }

    @Test
    void evaluatingTheHoldoutAgainGivesTheSameFigures() {
        Metrics m = Evaluator.evaluate(dir, data.subset(result.split().test()));

        assertThat(m.auc()).isEqualTo(result.card().metrics().auc());
        assertThat(m.precision()).isEqualTo(result.card().metrics().precision());
        assertThat(m.brier()).isEqualTo(result.card().metrics().brier());
    }
}
