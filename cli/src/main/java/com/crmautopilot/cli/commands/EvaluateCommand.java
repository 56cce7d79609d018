package com.crmautopilot.cli.commands;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.GradientBoostedModel;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.scoring.ModelCard;
import com.crmautopilot.models.training.DataImportException;
import com.crmautopilot.models.training.Dataset;
import com.crmautopilot.models.training.Evaluator;
import com.crmautopilot.operators.training.SnapshotConfig;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures a trained model on other labelled data, with the figures of its {@code metrics.json}: an event history
 * (snapshotted and labelled as for training, with the model's horizon) or a tabular export.
 */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Report a model's metrics (auc, precision, precision_hot, log_loss, brier, ece, ...) on other data.",
                "Events are snapshotted and labelled with the model's own horizon; a CSV's label defaults to the"
                        + " model's label column."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the metrics were reported", "1:an unexpected failure", "2:unusable input or options"})
public final class EvaluateCommand implements Callable<Integer> {

    private static final Pattern HORIZON_LABEL =
            Pattern.compile(Pattern.quote(SnapshotConfig.LABEL_PREFIX) + "(\\d+)(d|h|ms)");

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "A directory written by 'train'.")
    Path model;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Input (one of):%n")
    TrainCommand.Input input;

    @Mixin
    TrainCommand.EventOptions events = new TrainCommand.EventOptions();

    @Mixin
    TrainCommand.CsvFileOptions csv = new TrainCommand.CsvFileOptions();

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the metrics as JSON to this file.")
    Path json;

    @Override
    public Integer call() throws IOException {
        PrintStream out = System.out;
        try {
            GradientBoostedModel loaded = load(model);
            ModelCard card = loaded.card();
            out.println("model " + card.version() + " (" + card.label() + "), trained on "
                    + card.trainingData().source());
            Dataset data = input.isEventHistory()
                    ? TrainCommand.EventHistory.load(input, events, horizonOf(card), out).dataset()
                    : csv.read(input.csv, card.label(), out);
            Metrics metrics = Evaluator.evaluate(loaded, data);
            TrainCommand.printMetrics(metrics, out);
            if (json != null) {
                Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(metrics));
            }
            return 0;
        } catch (DataImportException e) {
            return TrainCommand.inputError(e.getMessage());
        }
    }

    private static GradientBoostedModel load(Path dir) {
        if (!Files.isRegularFile(dir.resolve(ModelCard.FILE_NAME))
                || !Files.isRegularFile(dir.resolve(GradientBoostedModel.TREES_FILE))) {
            throw new DataImportException(dir + " is not a model directory: it needs " + ModelCard.FILE_NAME + " and "
                    + GradientBoostedModel.TREES_FILE + " (written by 'autopilot train')");
        }
        try {
            return GradientBoostedModel.load(dir);
        } catch (RuntimeException e) {
            throw new DataImportException("cannot load the model in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The horizon a lead model was trained for, read from its label ({@code converts_within_30d}). */
    static Duration horizonOf(ModelCard card) {
        Matcher m = HORIZON_LABEL.matcher(card.label() == null ? "" : card.label());
        if (!m.matches()) {
            return SnapshotConfig.DEFAULT_HORIZON;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMillis(amount);
        };
    }
}
