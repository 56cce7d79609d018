package com.crmautopilot.cli.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the shaded job jar that the build leaves in {@code jobs/target/}. */
final class JobJars {

    static final String SUFFIX = "-job.jar";

    private JobJars() {
    }

    /** The newest {@code jobs/target/*-job.jar} under the project directory. */
    static Optional<Path> built(Path home) {
        Path target = home.resolve("jobs").resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .max(Comparator.comparing(JobJars::modified));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + target, e);
        }
    }

    static Path builtOrFail(Path home) {
        return built(home).orElseThrow(() -> new IllegalArgumentException(
                "No job jar given and none built in " + home.resolve("jobs/target")
                        + "; build it with ./mvnw -B -DskipTests package, or pass --jar"));
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
