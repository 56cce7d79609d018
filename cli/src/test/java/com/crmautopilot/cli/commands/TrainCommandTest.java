package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.DurationConverter;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.LeadFeatures;
import com.crmautopilot.models.scoring.ModelCard;
import com.crmautopilot.models.training.Split;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.output.SimulationWriter;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train --events} and {@code evaluate --events} on simulated histories. The target is shown on the standard
 * world itself (180 days, 3 tenants of 5,000 leads, seed 42: about 610,000 records), trained with the defaults
 * the command line uses. Smaller worlds hold too few leads for an honest split (the embargo leaves them only a few
 * thousand fit rows), and their figures vary by seed from 80% to 91% of the oracle's lift.
 */
class TrainCommandTest {

    @TempDir
    static Path dir;
    static Path history;
    static Path model;
    static Run trained;
    static JsonNode metrics;

    @BeforeAll
    static void simulateAHistoryAndTrainOnIt() throws IOException {
        history = dir.resolve("history");
        SimulationWriter.write(SimulatorConfig.builder().days(180).tenants(3).leadsPerTenant(5000).seed(42).build(),
                history, (records, fraction) -> {
                });
        model = dir.resolve("model");
        trained = Run.of(new TrainCommand(), "--events", history.resolve("events.jsonl").toString(),
                "--out", model.toString());
        metrics = Json.mapper().readTree(model.resolve("metrics.json").toFile());
    }

    /**
     * The split holds out the latest 20% of snapshots and, by default, trains only on snapshots whose 30-day label
     * was settled before that holdout begins (an embargo of one horizon): the figures are what the model would have
     * scored had it been trained then.
     */
    @Test
    void comesWithinNinetyPercentOfTheHorizonOraclesLiftAndBeatsTheBaseline() {
        assertThat(trained.exitCode()).as(trained.out()).isZero();
        double auc = metrics.path("auc").asDouble();
        double oracle = metrics.path("oracle_auc").asDouble();

        assertThat(metrics.path("split").asText()).isEqualTo(Split.TIME);
        assertThat(oracle).isGreaterThan(0.8);
        assertThat(auc - 0.5).isGreaterThanOrEqualTo(0.9 * (oracle - 0.5));
        assertThat(auc).isGreaterThan(metrics.path("baseline_auc").asDouble());
        assertThat(metrics.path("precision").asDouble()).isGreaterThan(metrics.path("positive_rate").asDouble() * 3);
        assertThat(metrics.path("precision_hot").asDouble()).isGreaterThan(0.65);
        assertThat(metrics.path("n_test").asInt()).isGreaterThan(30_000);
        // The embargo: the last 30 days before the holdout are neither trained nor tested on.
        assertThat(metrics.path("n_train").asInt()).isLessThan(4 * metrics.path("n_test").asInt() * 3 / 4);
    }

    @Test
    void writesAModelLabelledWithItsHorizonThatLiveScoringAccepts() {
        ModelCard card = ModelCard.read(model.resolve(ModelCard.FILE_NAME));

        assertThat(card.label()).isEqualTo("converts_within_30d");
        assertThat(card.featureSpec().compatibleWith(LeadFeatures.template())).isTrue();
        assertThat(card.featureSpec().feature(LeadFeatures.template().indexOf(LeadFeatures.INDUSTRY)).vocabulary())
                .contains("software", "retail");
        assertThat(card.trainingData().timeColumn()).isEqualTo("snapshot_at");
        assertThat(card.trainingData().source()).isEqualTo("events.jsonl");
        assertThat(model.resolve("model.ubj")).isNotEmptyFile();
        assertThat(model.resolve("report.html")).content().contains("<svg");
        assertThat(trained.out()).contains("reading events", "boosting", "refitting", "oracle",
                "daily snapshots of", "of the oracle's lift");
        assertThat(EvaluateCommand.horizonOf(card)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void evaluateReportsTheSameFiguresOnAnotherHistory() throws IOException {
        Path other = dir.resolve("other");
        SimulationWriter.write(SimulatorConfig.builder().days(120).tenants(1).leadsPerTenant(2500).seed(2).build(),
                other, (records, fraction) -> {
                });
        Path json = dir.resolve("evaluation.json");

        Run run = Run.of(new EvaluateCommand(), "--model", model.toString(),
                "--events", other.resolve("events.jsonl").toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        JsonNode figures = Json.mapper().readTree(json.toFile());
        assertThat(figures.path("split").asText()).isEqualTo("external");
        assertThat(figures.path("n_test").asInt()).isGreaterThan(10_000);
        double oracle = figures.path("oracle_auc").asDouble();
        assertThat(oracle).isGreaterThan(0.8);
        // Another world: its campaigns and reps differ, so a little less of the oracle's lift carries over.
        assertThat(figures.path("auc").asDouble() - 0.5).isGreaterThanOrEqualTo(0.8 * (oracle - 0.5));
        for (String key : new String[]{"precision", "recall", "log_loss", "brier", "ece", "precision_hot"}) {
            assertThat(figures.path(key).isNumber()).as(key).isTrue();
        }
        assertThat(run.out()).contains("converts_within_30d", "auc ");
    }

    @Test
    void aHistoryShorterThanTheHorizonEndsWithAClearMessage() {
        Path shortHistory = dir.resolve("short");
        SimulationWriter.write(SimulatorConfig.builder().days(20).tenants(1).leadsPerTenant(60).seed(3).build(),
                shortHistory, (records, fraction) -> {
                });

        Run run = Run.of(new TrainCommand(), "--events", shortHistory.resolve("events.jsonl").toString(),
                "--out", dir.resolve("short-model").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("yields no labelled snapshot", "30 days");
        Run.assertNoStackTrace(run);
    }

    @Test
    void aMissingEventsFileEndsWithExitCodeTwo() {
        Run run = Run.of(new TrainCommand(), "--events", dir.resolve("nope.jsonl").toString(),
                "--out", dir.resolve("nope").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("there is no file", "nope.jsonl");
        Run.assertNoStackTrace(run);
    }

    /** A command run the way {@code autopilot} runs it, with its output captured. */
    record Run(int exitCode, String out, String err) {

        static Run of(Object command, String... args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream originalOut = System.out;
            PrintStream originalErr = System.err;
            int exitCode;
            try (PrintStream capturedOut = new PrintStream(out, true, StandardCharsets.UTF_8);
                 PrintStream capturedErr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                System.setOut(capturedOut);
                System.setErr(capturedErr);
                exitCode = new CommandLine(command)
                        .registerConverter(Duration.class, new DurationConverter())
                        .setCaseInsensitiveEnumValuesAllowed(true)
                        .execute(args);
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
            Run run = new Run(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            System.out.println(run.out());
            System.out.println(run.err());
            return run;
        }

        static void assertNoStackTrace(Run run) {
            assertThat(run.err()).doesNotContain("\tat ", "Exception");
            assertThat(run.out()).doesNotContain("\tat ", "Exception");
        }
    }
}
