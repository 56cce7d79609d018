package com.crmautopilot.cli.upgrade;

import com.crmautopilot.cli.cluster.UpgradeReport;
import org.apache.flink.runtime.state.metainfo.StateMetaInfoSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures the upgrade tests measure (stop, restore and recovery times, savepoint sizes, serializers), logged and
 * appended to {@code cli/target/upgrade-figures.md}, so a run leaves them in one place for the release notes.
 */
final class UpgradeFigures {

    static final Path FILE = Path.of("target", "upgrade-figures.md");

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeFigures.class);

    private UpgradeFigures() {
    }

    static void startRun(String description) {
        append("\n## " + Instant.now() + ": " + description + "\n");
    }

    static void record(String job, String figure, String value) {
        LOG.info("[{}] {}: {}", job, figure, value);
        append("- " + job + ": " + figure + ": " + value + "\n");
    }

    static void recordUpgrade(UpgradeJobSpec spec, UpgradeReport upgrade) {
        record(spec.name(), "stop-with-savepoint (request -> job FINISHED; savepoint reported after "
                + millis(upgrade.savepointTime()) + ")", millis(upgrade.stopTime()));
        record(spec.name(), "restore into N+1 (run request -> every task RUNNING)", millis(upgrade.restoreTime()));
    }

    /** Size and serializers of each operator's state, with how many keys each keyed state holds. */
    static void recordSavepoint(UpgradeJobSpec spec, String which, SavepointContents savepoint) {
        int leads = spec.world().tenants() * spec.world().leadsPerTenant();
        record(spec.name(), "savepoint " + which + " (world: " + leads + " leads over " + spec.world().days()
                + " days)", bytes(savepoint.bytesOnDisk()) + " on disk");
        for (SavepointContents.Operator op : savepoint.operators()) {
            List<String> described = new ArrayList<>();
            op.keyed().forEach((name, state) -> {
                String keys = state.getBackendStateType() == StateMetaInfoSnapshot.BackendStateType.PRIORITY_QUEUE
                        ? "" : " (" + savepoint.keyedEntries(op.uid(), name) + " entries)";
                described.add("keyed " + name + keys + " = " + serializers(state));
            });
            op.operator().forEach((name, state) -> described.add("operator " + name + " = " + serializers(state)));
            record(spec.name(), "  state of " + op.uid() + " (" + bytes(op.stateBytes()) + ")",
                    described.isEmpty() ? "none" : String.join("; ", described));
        }
    }

    private static String serializers(StateMetaInfoSnapshot state) {
        return state.getSerializerSnapshotsImmutable().entrySet().stream()
                .map(e -> e.getKey() + ": " + SerializerSnapshots.describe(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KiB", bytes / 1024.0);
        }
        return String.format("%.2f MiB", bytes / (1024.0 * 1024));
    }

    private static synchronized void append(String text) {
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
