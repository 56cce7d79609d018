package com.crmautopilot.cli.upgrade;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * The figures the upgrade tests measure (stop, restore and recovery times, savepoint sizes, serializers), logged and
 * appended to {@code cli/target/upgrade-figures.md}, so a run leaves them in one place for the release notes.
 */
final class UpgradeFigures {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeFigures.class);
    static final Path FILE = Path.of("target", "upgrade-figures.md");

    private UpgradeFigures() {
    }

    static void startRun(String description) {
        append("\n## " + Instant.now() + ": " + description + "\n");
    }

    static void record(String job, String figure, String value) {
        LOG.info("[{}] {}: {}", job, figure, value);
        append("- " + job + ": " + figure + ": " + value + "\n");
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
