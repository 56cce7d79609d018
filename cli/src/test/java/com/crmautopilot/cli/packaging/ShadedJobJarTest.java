package com.crmautopilot.cli.packaging;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The job jar for real clusters carries connectors, Jackson and XGBoost4J, but neither Flink itself (the cluster
 * provides it) nor the embedded broker. The reactor packages {@code jobs} before {@code cli} runs its tests.
 */
class ShadedJobJarTest {

    private static List<String> entries;

    @BeforeAll
    static void readJar() throws IOException {
        Path jobsTarget = Path.of("..", "jobs", "target");
        assumeTrue(Files.isDirectory(jobsTarget), "jobs is not packaged in this build");
        Path jar;
        try (Stream<Path> files = Files.list(jobsTarget)) {
            jar = files.filter(p -> p.getFileName().toString().endsWith("-job.jar")).findFirst().orElse(null);
        }
        assumeTrue(jar != null, "no shaded job jar in jobs/target");
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            entries = jarFile.stream().map(e -> e.getName()).toList();
        }
    }

    @Test
    void containsTheJobsConnectorsJacksonAndXgboost() {
        assertThat(entries).anyMatch(e -> e.startsWith("com/crmautopilot/jobs/"));
        assertThat(entries).anyMatch(e -> e.startsWith("com/crmautopilot/operators/"));
        assertThat(entries).anyMatch(e -> e.startsWith("org/apache/flink/connector/kafka/"));
        assertThat(entries).anyMatch(e -> e.startsWith("org/apache/kafka/clients/"));
        assertThat(entries).anyMatch(e -> e.startsWith("com/fasterxml/jackson/databind/"));
        assertThat(entries).anyMatch(e -> e.startsWith("ml/dmlc/xgboost4j/"));
    }

    @Test
    void leavesFlinkAndTheEmbeddedRuntimeOut() {
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/flink/runtime/"));
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/flink/streaming/api/"));
        assertThat(entries).noneMatch(e -> e.startsWith("kafka/server/"));
        assertThat(entries).noneMatch(e -> e.startsWith("org/apache/kafka/common/test/"));
        assertThat(entries).noneMatch(e -> e.startsWith("io/zonky/"));
        assertThat(entries).noneMatch(e -> e.startsWith("scala/"));
    }
}
