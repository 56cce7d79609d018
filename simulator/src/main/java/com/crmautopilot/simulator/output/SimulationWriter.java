package com.crmautopilot.simulator.output;

import com.crmautopilot.simulator.ProgressListener;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.SimulationRun;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import com.crmautopilot.simulator.truth.GroundTruth;
import com.crmautopilot.simulator.truth.TruthFiles;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Writes a simulation to disk: {@code DIR/events.jsonl}, one record per line in emission order (so line n is the
 * n-th record of the stream, defects and duplicates included), and the ground truth in {@code DIR/truth/}
 * (see {@link TruthFiles}).
 */
public final class SimulationWriter {

    public static final String EVENTS_FILE = "events.jsonl";
    public static final String TRUTH_DIR = "truth";

    /** What a write produced. */
    public record Summary(Path eventsFile, Path truthDir, long records, long cleanEvents, long defects,
                          long duplicates, long outOfOrder, long bytes, Duration elapsed, GroundTruth truth) {
    }

    private SimulationWriter() {
    }

    public static Summary write(SimulatorConfig config, Path dir, ProgressListener progress) {
        long started = System.nanoTime();
        Path events = dir.resolve(EVENTS_FILE);
        Path truthDir = dir.resolve(TRUTH_DIR);
        SimulationRun run = new Simulator(config).start(progress);
        long bytes = 0;
        try {
            Files.createDirectories(dir);
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(events), 1 << 16)) {
                while (run.hasNext()) {
                    SimulatedRecord record = run.next();
                    out.write(record.value());
                    out.write('\n');
                    bytes += record.value().length + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + events, e);
        }
        GroundTruth truth = run.truth();
        TruthFiles.write(truth, truthDir);
        return new Summary(events, truthDir, truth.records(), truth.cleanEvents(), truth.defects().size(),
                truth.duplicates().size(), truth.outOfOrder().size(), bytes,
                Duration.ofNanos(System.nanoTime() - started), truth);
    }
}
