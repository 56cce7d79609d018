package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.commands.TrainCommandTest.Run;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.FeatureType;
import com.crmautopilot.models.scoring.ModelCard;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code train --csv} and {@code evaluate --csv}: a real export, a quirky one, and the inputs that must be refused. */
class TrainCsvCommandTest {

    /** Beside the clone, as in CI: the module runs in cli/, the repository in main/. */
    static final Path BANK_MARKETING =
            Path.of("..", "..", "shared", "data", "bank-marketing", "bank-additional-full.csv");

    @TempDir
    Path dir;

    @Test
    void bankMarketingWithoutDurationMatchesOrBeatsTheLogisticBaselineOnItsLatestFifth() throws IOException {
        assumeTrue(Files.exists(BANK_MARKETING), "bank-marketing is not beside the repository");
        Path model = dir.resolve("bank");

        Run run = Run.of(new TrainCommand(), "--csv", BANK_MARKETING.toString(), "--label", "y", "--drop", "duration",
                "--row-order-is-time", "--sep", ";", "--max-rounds", "300", "--out", model.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode m = Json.mapper().readTree(model.resolve("metrics.json").toFile());
        assertThat(m.path("split").asText()).isEqualTo("row_order");
        assertThat(m.path("n_test").asInt()).isEqualTo(8_238);
        assertThat(m.path("auc").asDouble()).isGreaterThan(0.70);
        assertThat(m.path("auc").asDouble()).isGreaterThanOrEqualTo(m.path("baseline_auc").asDouble());
        assertThat(ModelCard.read(model.resolve("model.json")).featureSpec().names()).doesNotContain("duration", "y");

        Run evaluation = Run.of(new EvaluateCommand(), "--model", model.toString(), "--csv", BANK_MARKETING.toString());
        assertThat(evaluation.exitCode()).as(evaluation.err()).isZero();
        assertThat(evaluation.out()).contains("\"n_test\" : 41188", "\"split\" : \"external\"");
    }

    @Test
    void trainsFromAQuirkyExportWithIdTimeTypeOverrideAndSeparator() throws IOException {
        Path csv = dir.resolve("crm-export.csv");
        Files.writeString(csv, quirkyExport(3_000), StandardCharsets.UTF_8);
        Path model = dir.resolve("quirky");

        Run run = Run.of(new TrainCommand(), "--csv", csv.toString(), "--label", "Converted", "--id", "Lead Id",
                "--time", "Created", "--sep", "|", "--type", "Zip=categorical", "--drop", "Notes",
                "--max-rounds", "60", "--out", model.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        ModelCard card = ModelCard.read(model.resolve("model.json"));
        assertThat(card.featureSpec().names()).containsExactlyInAnyOrder("Visits", "Source", "Zip");
        assertThat(card.featureSpec().feature(card.featureSpec().indexOf("Zip")).type())
                .isEqualTo(FeatureType.CATEGORICAL);
        assertThat(card.featureSpec().feature(card.featureSpec().indexOf("Source")).vocabulary())
                .doesNotContain("Select");
        assertThat(card.metrics().split()).isEqualTo("time");
        assertThat(card.metrics().auc()).isGreaterThan(0.75);
        assertThat(run.out()).contains("read 3,000 rows and 3 feature columns");
    }

    @Test
    void aMissingLabelColumnIsNamedWithTheColumnsThereAre() throws IOException {
        Run run = train(write("a,b,outcome\n1,x,yes\n2,y,no\n"), "--label", "converted");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no label column 'converted'", "a, b, outcome");
        Run.assertNoStackTrace(run);
    }

    @Test
    void aLabelThatIsNotBinaryIsRefusedWithTheValuesSeen() throws IOException {
        Run run = train(write("a,stage\n1,won\n2,lost\n3,open\n"), "--label", "stage");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not binary", "'won'", "--positive");
        Run.assertNoStackTrace(run);
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Run run = train(write(""), "--label", "y");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is empty");
        Run.assertNoStackTrace(run);
    }

    @Test
    void aCsvWithoutALabelOptionOrAFileIsRefused() throws IOException {
        Run noLabel = train(write("a,y\n1,yes\n"));
        assertThat(noLabel.exitCode()).isEqualTo(2);
        assertThat(noLabel.err()).contains("--csv needs --label");

        Run noFile = Run.of(new TrainCommand(), "--csv", dir.resolve("missing.csv").toString(), "--label", "y",
                "--out", dir.resolve("m").toString());
        assertThat(noFile.exitCode()).isEqualTo(2);
        assertThat(noFile.err()).contains("there is no file");
        Run.assertNoStackTrace(noFile);
    }

    @Test
    void eventsAndCsvTogetherAreAUsageError() throws IOException {
        Path csv = write("a,y\n1,yes\n");

        Run run = Run.of(new TrainCommand(), "--csv", csv.toString(), "--events", csv.toString(), "--label", "y",
                "--out", dir.resolve("m").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("mutually exclusive");
    }

    @Test
    void evaluateRefusesADirectoryThatHoldsNoModel() throws IOException {
        Run run = Run.of(new EvaluateCommand(), "--model", dir.toString(), "--csv", write("a,y\n1,yes\n").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is not a model directory", "model.json");
        Run.assertNoStackTrace(run);
    }

    private Run train(Path csv, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "--csv";
        args[1] = csv.toString();
        args[2] = "--out";
        args[3] = dir.resolve("model").toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return Run.of(new TrainCommand(), args);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "export", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A CRM export with the usual quirks: '|' separators, CRLF, quoted fields with separators inside, a trailing
     * empty header column, "Select" left in a picklist, blanks, and zip codes that look like numbers. Conversion
     * follows visits and source, so there is something to learn.
     */
    private static String quirkyExport(int rows) {
        Random random = new Random(17);
        String[] sources = {"Referral", "Webinar", "Paid", "Select", ""};
        StringBuilder csv = new StringBuilder("Lead Id|Created|Visits|Source|Zip|Notes|Converted|\r\n");
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < rows; i++) {
            int visits = random.nextInt(12);
            String source = sources[random.nextInt(sources.length)];
            double logit = -2.5 + 0.35 * visits + (source.equals("Referral") ? 1.2 : 0) - (source.equals("Paid") ? 0.6 : 0);
            boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
            csv.append(String.format(Locale.ROOT, "L-%05d|%s|%s|%s|%05d|\"called, left a message | twice\"|%s|\r\n",
                    i, start.plus(i * 3L, ChronoUnit.HOURS), random.nextInt(20) == 0 ? "" : visits, source,
                    1000 + random.nextInt(5), converted ? "Yes" : "No"));
        }
        return csv.toString();
    }
}
