package com.crmautopilot.cli.commands;

import com.crmautopilot.cli.ProgressBar;
import com.crmautopilot.jobs.training.SnapshotDatasets;
import com.crmautopilot.jobs.training.TrainingDataJob;
import com.crmautopilot.jobs.training.TrainingDataSettings;
import com.crmautopilot.models.Topics;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.scoring.FeatureType;
import com.crmautopilot.models.scoring.Metrics;
import com.crmautopilot.models.training.CsvImporter;
import com.crmautopilot.models.training.CsvOptions;
import com.crmautopilot.models.training.DataImportException;
import com.crmautopilot.models.training.Dataset;
import com.crmautopilot.models.training.Trainer;
import com.crmautopilot.models.training.TrainerConfig;
import com.crmautopilot.models.training.TrainingProgress;
import com.crmautopilot.models.training.TrainingResult;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.metrics.InProcessCounters;
import com.crmautopilot.operators.training.LabelledSnapshot;
import com.crmautopilot.operators.training.SnapshotCadence;
import com.crmautopilot.operators.training.SnapshotConfig;
import com.crmautopilot.simulator.truth.LeadTruth;
import com.crmautopilot.simulator.truth.TruthFiles;
import com.crmautopilot.simulator.world.ConversionTiming;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Trains a lead-scoring model, from a CRM event history (through the training-data job) or from a tabular export,
 * and writes {@code model.ubj}, {@code model.json}, {@code metrics.json} and {@code report.html} to a directory.
 *
 * <p>Input problems (no such file, no such label column, a label that is not binary, an empty file, too little
 * history for the horizon) end with a message and exit code 2, without a stack trace.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a lead-scoring model and write model.ubj, model.json, metrics.json and report.html.",
                "From events (a JSONL file or a Kafka topic): point-in-time snapshots of every lead, labelled"
                        + " 'converts within the horizon', split by time: the latest 20%% held out, and trained only on"
                        + " snapshots whose label was settled before that (an embargo of one horizon).",
                "From a CSV: any tabular export with a binary label column."},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the model was written", "1:an unexpected failure", "2:unusable input or options"})
public final class TrainCommand implements Callable<Integer> {

    static final int INPUT_ERROR = 2;

    @ArgGroup(exclusive = true, multiplicity = "1", heading = "Input (one of):%n")
    Input input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Directory for the model files.")
    Path out;

    @Mixin
    EventOptions events = new EventOptions();

    @Mixin
    CsvFileOptions csv = new CsvFileOptions();

    @Mixin
    TrainerOptions trainer = new TrainerOptions();

    static final class Input {
        @Option(names = "--events", paramLabel = "FILE",
                description = "A JSONL history of crm.events records (as 'autopilot simulate' writes).")
        Path events;

        @ArgGroup(exclusive = false)
        Topic topic;

        @Option(names = "--csv", paramLabel = "FILE", description = "A tabular export with a label column.")
        Path csv;

        boolean isEventHistory() {
            return events != null || topic != null;
        }
    }

    /** A crm.events topic, read from its earliest offsets to those that are latest when the job starts. */
    static final class Topic {
        @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOSTS",
                description = "Kafka to read the history from, instead of a file.")
        String bootstrapServers;

        @Option(names = "--topic", paramLabel = "NAME", description = "The topic (default: " + Topics.EVENTS + ").")
        String name = Topics.EVENTS;
    }

    @Override
    public Integer call() {
        PrintStream out = System.out;
        try {
            TrainerConfig config;
            Dataset data;
            if (input.isEventHistory()) {
                EventHistory history = EventHistory.load(input, events, SnapshotConfig.DEFAULT_HORIZON, out);
                data = history.dataset();
                config = trainer.config(history.horizon());
            } else {
                data = csv.read(input.csv, null, out);
                config = trainer.config(Duration.ZERO);
            }
            TrainingResult result = train(data, config, this.out, out);
            printMetrics(result.card().metrics(), out);
            out.println("wrote " + this.out.resolve("model.ubj") + ", model.json, metrics.json and report.html");
            return 0;
        } catch (DataImportException e) {
            return inputError(e.getMessage());
        }
    }

    static int inputError(String message) {
        System.err.println("error: " + message);
        return INPUT_ERROR;
    }

    static TrainingResult train(Dataset data, TrainerConfig config, Path dir, PrintStream out) {
        long start = System.nanoTime();
        TrainingResult result;
        try (StepBars bars = new StepBars(out)) {
            result = new Trainer(config, bars).train(data, dir);
        }
        out.printf(Locale.ROOT, "trained %s (%d trees) in %.1f s%n", result.card().version(),
                result.card().numTrees(), (System.nanoTime() - start) / 1e9);
        return result;
    }

    /** The figures people look at first, then the whole of metrics.json. */
    static void printMetrics(Metrics m, PrintStream out) {
        out.printf(Locale.ROOT, "auc %.4f", m.auc());
        if (m.baselineAuc() != null) {
            out.printf(Locale.ROOT, " (logistic baseline %.4f)", m.baselineAuc());
        }
        if (m.oracleAuc() != null) {
            out.printf(Locale.ROOT, ", oracle %.4f: %.1f%% of the oracle's lift over 0.5", m.oracleAuc(),
                    100 * (m.auc() - 0.5) / (m.oracleAuc() - 0.5));
        }
        out.println();
        out.printf(Locale.ROOT, "precision %s at p >= %.2f, hot tier precision %s; %s train / %d test rows (%s split)%n",
                format(m.precision()), m.decisionThreshold(), format(m.precisionHot()),
                m.nTrain() == null ? "?" : String.valueOf(m.nTrain()), m.nTest(), m.split());
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String format(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** How snapshots are taken from an event history, and where its ground truth is. */
    static final class EventOptions {
        @Option(names = "--horizon", paramLabel = "DURATION",
                description = "Label: converts within this long after the snapshot, like 30d (default: 30d;"
                        + " evaluate: the model's own).")
        Duration horizon;

        @Option(names = "--snapshots", paramLabel = "CADENCE", converter = CadenceConverter.class,
                description = "daily (at most one snapshot per lead and day) or every-change (default: daily).")
        SnapshotCadence cadence = SnapshotCadence.DAILY;

        @Option(names = "--truth", paramLabel = "DIR",
                description = "Simulator ground truth, for oracle_auc (default: truth/ beside the events file).")
        Path truth;

        SnapshotConfig snapshots(Duration defaultHorizon) {
            Duration chosen = horizon != null ? horizon : defaultHorizon;
            try {
                return new SnapshotConfig(chosen, cadence);
            } catch (IllegalArgumentException e) {
                throw new DataImportException("--horizon " + e.getMessage());
            }
        }

        /** The explicit truth directory, or {@code truth/} beside the events file (if any) when it holds the leads. */
        Path truthDir(Path eventsFile) {
            if (truth != null) {
                if (!Files.isRegularFile(truth.resolve(TruthFiles.LEADS))) {
                    throw new DataImportException("the truth directory " + truth + " has no " + TruthFiles.LEADS);
                }
                return truth;
            }
            if (eventsFile == null) {
                return null;
            }
            Path parent = eventsFile.toAbsolutePath().getParent();
            Path sibling = parent == null ? null : parent.resolve("truth");
            return sibling != null && Files.isRegularFile(sibling.resolve(TruthFiles.LEADS)) ? sibling : null;
        }
    }

    static final class CadenceConverter implements CommandLine.ITypeConverter<SnapshotCadence> {
        @Override
        public SnapshotCadence convert(String value) {
            try {
                return SnapshotCadence.fromWireName(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** How to read a tabular export. */
    static final class CsvFileOptions {
        @Option(names = "--label", paramLabel = "COL", description = "The label column (CSV; evaluate: the model's).")
        String label;

        @Option(names = "--id", paramLabel = "COL", description = "An id column, kept out of the features.")
        String id;

        @Option(names = "--time", paramLabel = "COL",
                description = "A time column: the holdout is the latest 20%% by it.")
        String time;

        @Option(names = "--drop", paramLabel = "COLS", split = ",",
                description = "Columns to leave out, comma-separated (e.g. ones only known after the outcome).")
        List<String> drop = new ArrayList<>();

        @Option(names = "--sep", paramLabel = "C", converter = SeparatorConverter.class,
                description = "Field separator, like ';' or tab (default: detected).")
        Character separator;

        @Option(names = "--row-order-is-time",
                description = "The rows are in time order: the holdout is the last 20%% of rows.")
        boolean rowOrderIsTime;

        @Option(names = "--positive", paramLabel = "VALUE",
                description = "The label value that means converted, for labels other than yes/no, true/false, 1/0.")
        String positive;

        @Option(names = "--type", paramLabel = "COL=TYPE",
                description = "Force a column's type: numeric, categorical or boolean (repeatable).")
        Map<String, FeatureType> types = new LinkedHashMap<>();

        /** Reads the file; {@code defaultLabel} stands in for a missing {@code --label} (a model's own label). */
        Dataset read(Path file, String defaultLabel, PrintStream out) {
            String labelColumn = label != null ? label : defaultLabel;
            if (labelColumn == null) {
                throw new DataImportException("--csv needs --label COL: the column that says whether the lead converted");
            }
            if (!Files.isRegularFile(file)) {
                throw new DataImportException("there is no file " + file);
            }
            CsvOptions.Builder options = CsvOptions.label(labelColumn).drop(drop).rowOrderIsTime(rowOrderIsTime);
            if (id != null) {
                options.id(id);
            }
            if (time != null) {
                options.time(time);
            }
            if (separator != null) {
                options.separator(separator);
            }
            if (positive != null) {
                options.positiveLabel(positive);
            }
            types.forEach(options::type);
            Dataset data = CsvImporter.read(file, options.build());
            out.printf(Locale.ROOT, "read %,d rows and %d feature columns from %s; %.1f%% positive%n", data.size(),
                    data.columns().size(), file.getFileName(), 100 * data.positiveRate());
            data.warnings().forEach(w -> out.println("warning: " + w));
            return data;
        }
    }

    static final class SeparatorConverter implements CommandLine.ITypeConverter<Character> {
        @Override
        public Character convert(String value) {
            String v = value.toLowerCase(Locale.ROOT);
            if (v.equals("tab") || v.equals("\\t") || v.equals("\t")) {
                return '\t';
            }
            if (value.length() != 1) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not one character; write it like"
                        + " ';', ',' or tab");
            }
            return value.charAt(0);
        }
    }

    static final class TrainerOptions {
        @Option(names = "--max-rounds", paramLabel = "N",
                description = "Boosting rounds at most; early stopping usually ends sooner (default: 800).")
        Integer maxRounds;

        @Option(names = "--seed", paramLabel = "N", description = "Training seed (default: 42).")
        Long seed;

        @Option(names = "--embargo", paramLabel = "DURATION",
                description = "For a split by time: train only on rows whose time plus this is at or before the"
                        + " rows they are measured against, so labels that look ahead (converts within 30 days)"
                        + " cannot report outcomes from the holdout (default: the horizon for --events, 0 for --csv).")
        Duration embargo;

        /** @param defaultEmbargo the label's horizon when labels look ahead in time, else zero */
        TrainerConfig config(Duration defaultEmbargo) {
            TrainerConfig.Builder builder = TrainerConfig.builder()
                    .embargo(embargo != null ? embargo : defaultEmbargo);
            if (maxRounds != null) {
                builder.maxRounds(maxRounds);
            }
            if (seed != null) {
                builder.seed(seed);
            }
            try {
                return builder.build();
            } catch (IllegalArgumentException e) {
                throw new DataImportException(e.getMessage());
            }
        }
    }

    /**
     * Labelled snapshots of an event history, built by the training-data job on an in-process Flink, with the
     * horizon oracle per snapshot when the simulator's truth is at hand.
     */
    record EventHistory(Dataset dataset, int leads, Duration horizon) {

        private static final String GROUP_ID = "autopilot-training-data";

        static EventHistory load(Input input, EventOptions options, Duration defaultHorizon, PrintStream out) {
            SnapshotConfig snapshotConfig = options.snapshots(defaultHorizon);
            TrainingDataSettings settings = TrainingDataSettings.defaults().withSnapshots(snapshotConfig);
            Source<Ingested, ?, ?> source;
            String name;
            long records;
            Path truthDir;
            if (input.events != null) {
                Path file = input.events;
                if (!Files.isRegularFile(file)) {
                    throw new DataImportException("there is no file " + file);
                }
                records = countLines(file);
                if (records == 0) {
                    throw new DataImportException(file + " is empty");
                }
                source = TrainingDataJob.fileSource(file, settings);
                name = file.getFileName().toString();
                truthDir = options.truthDir(file);
            } else {
                try {
                    source = TrainingDataJob.kafkaSource(input.topic.bootstrapServers, input.topic.name, GROUP_ID,
                            settings);
                } catch (IllegalArgumentException e) {
                    throw new DataImportException(e.getMessage());
                }
                records = 0;
                name = "topic " + input.topic.name;
                truthDir = options.truthDir(null);
            }

            long start = System.nanoTime();
            List<LabelledSnapshot> snapshots = runJob(source, settings, records, out);
            double seconds = (System.nanoTime() - start) / 1e9;
            long leads = snapshots.stream().map(s -> s.tenantId() + ":" + s.leadId()).distinct().count();
            long positives = snapshots.stream().filter(s -> s.label() == 1).count();
            out.printf(Locale.ROOT, "built %,d %s snapshots of %,d leads from %s in %.1f s; %.1f%% convert"
                            + " within %s%n", snapshots.size(), snapshotConfig.cadence(), leads,
                    records > 0 ? String.format(Locale.ROOT, "%,d records", records) : name, seconds,
                    snapshots.isEmpty() ? 0.0 : 100.0 * positives / snapshots.size(), describe(snapshotConfig.horizon()));
            if (snapshots.isEmpty()) {
                throw new DataImportException(name + " yields no labelled snapshot: no lead was open for a whole "
                        + describe(snapshotConfig.horizon()) + " before its tenant's history ends (is the history"
                        + " longer than the horizon?)");
            }

            ToDoubleFunction<LabelledSnapshot> oracle = null;
            if (truthDir != null) {
                oracle = horizonOracle(truthDir, snapshots, snapshotConfig.horizon(), out);
            }
            Dataset dataset = SnapshotDatasets.toDataset(name, snapshots, snapshotConfig.labelName(), oracle);
            return new EventHistory(dataset, (int) leads, snapshotConfig.horizon());
        }

        /** @param records the records in the input when known (a file), else 0 */
        private static List<LabelledSnapshot> runJob(Source<Ingested, ?, ?> source, TrainingDataSettings settings,
                                                     long records, PrintStream out) {
            Configuration configuration = InProcessCounters.enable(TrainingDataJob.jobConfiguration());
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
            InProcessCounters.reset();
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "training-data-progress");
                thread.setDaemon(true);
                return thread;
            });
            try (ProgressBar bar = new ProgressBar(out, "reading events")) {
                poller.scheduleAtFixedRate(() -> {
                    long read = InProcessCounters.snapshot().eventsIn();
                    bar.update(records > 0 ? (double) read / records : 0, records > 0
                            ? String.format(Locale.ROOT, "%,d of %,d records", read, records)
                            : String.format(Locale.ROOT, "%,d records", read));
                }, 200, 200, TimeUnit.MILLISECONDS);
                List<LabelledSnapshot> snapshots = TrainingDataJob.collect(env, source, settings, n -> {
                });
                poller.shutdownNow();
                long read = InProcessCounters.snapshot().eventsIn();
                bar.update(1, String.format(Locale.ROOT, "%,d records", Math.max(read, records)));
                return snapshots;
            } catch (Exception e) {
                throw new IllegalStateException("the training-data job failed: " + rootMessage(e), e);
            } finally {
                poller.shutdownNow();
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage() == null ? root.toString() : root.getMessage();
        }

        /**
         * The exact probability that each snapshot's label is 1, from the lead's true propensity and its age at the
         * snapshot ({@link ConversionTiming#probabilityConvertsWithin}): the best any model can score.
         */
        private static ToDoubleFunction<LabelledSnapshot> horizonOracle(Path truthDir, List<LabelledSnapshot> snapshots,
                                                                        Duration horizon, PrintStream out) {
            Map<String, LeadTruth> leads = new HashMap<>();
            for (LeadTruth lead : TruthFiles.readLeads(truthDir)) {
                leads.put(lead.tenantId() + ":" + lead.leadId(), lead);
            }
            for (LabelledSnapshot snapshot : snapshots) {
                if (!leads.containsKey(snapshot.tenantId() + ":" + snapshot.leadId())) {
                    out.println("warning: " + truthDir + " does not know lead " + snapshot.leadId() + " of "
                            + snapshot.tenantId() + ", so there is no oracle_auc");
                    return null;
                }
            }
            out.println("oracle: the true horizon probabilities from " + truthDir);
            double horizonDays = horizon.toMillis() / 86_400_000.0;
            return snapshot -> {
                LeadTruth lead = leads.get(snapshot.tenantId() + ":" + snapshot.leadId());
                return ConversionTiming.probabilityConvertsWithin(lead.conversionProbability(),
                        ageDays(lead.createdAt(), snapshot.at()), horizonDays);
            };
        }

        private static double ageDays(Instant createdAt, Instant at) {
            return Math.max(0, Duration.between(createdAt, at).toMillis() / 86_400_000.0);
        }

        private static long countLines(Path file) {
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            int last = '\n';
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                    last = buffer[n - 1];
                }
            } catch (IOException e) {
                throw new DataImportException("cannot read " + file + ": " + e.getMessage(), e);
            }
            return last == '\n' ? lines : lines + 1;
        }

        static String describe(Duration horizon) {
            long days = horizon.toDays();
            return horizon.equals(Duration.ofDays(days)) ? days + " days" : horizon.toString();
        }
    }

    /**
     * One progress bar per long training step (boosting, refitting), in the order the trainer reports them; steps
     * that finish at once (split, baseline, calibration, write) get none.
     */
    static final class StepBars implements TrainingProgress, AutoCloseable {
        private final PrintStream out;
        private String step;
        private ProgressBar bar;

        StepBars(PrintStream out) {
            this.out = out;
        }

        @Override
        public synchronized void update(String newStep, long done, long total) {
            if (!newStep.equals(step)) {
                close();
                step = newStep;
                if (total > 1) {
                    bar = new ProgressBar(out, String.format(Locale.ROOT, "%-9s", newStep));
                }
            }
            if (bar != null) {
                String detail = newStep.equals("boosting")
                        ? String.format(Locale.ROOT, "round %d (at most %d; early stopping ends sooner)", done, total)
                        : String.format(Locale.ROOT, "%d of %d", done, total);
                bar.update((double) done / total, detail);
            }
        }

        @Override
        public synchronized void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
