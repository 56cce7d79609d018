package com.crmautopilot.cli.cluster;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterClasspathTest {

    @Test
    void keepsWhatFlinkDistHasInLib() {
        for (String jar : List.of("flink-runtime-2.2.0.jar", "flink-runtime-web-2.2.0.jar", "flink-clients-2.2.0.jar",
                "flink-statebackend-rocksdb-2.2.0.jar", "flink-connector-base-2.2.0.jar",
                "flink-connector-files-2.2.0.jar", "flink-connector-datagen-2.2.0.jar", "flink-cep-2.2.0.jar", "flink-metrics-prometheus-2.2.0.jar",
                "log4j-core-2.24.3.jar", "log4j-slf4j-impl-2.24.3.jar", "jackson-databind-2.19.2.jar")) {
            assertThat(ClusterClasspath.isExcluded(jar)).as(jar).isFalse();
        }
    }

    @Test
    void leavesOutWhatJobsBringAndWhatNoClusterHas() {
        for (String jar : List.of("flink-connector-kafka-5.0.0-2.2.jar", "kafka-clients-4.2.0.jar", "kafka_2.13-4.2.0.jar",
                "scala-library-2.13.17.jar", "models-0.1.0-SNAPSHOT.jar", "jobs-0.1.0-SNAPSHOT.jar",
                "xgboost4j_2.12-3.4.0.jar", "flink-runtime-2.2.0-tests.jar", "flink-test-utils-2.2.0.jar",
                "junit-jupiter-api-5.13.4.jar", "picocli-4.7.7.jar")) {
            assertThat(ClusterClasspath.isExcluded(jar)).as(jar).isTrue();
        }
    }

    @Test
    void buildsTheTestJvmsClasspathFromJarsOnly() {
        List<Path> classpath = ClusterClasspath.ofThisJvm();
        assertThat(classpath).allMatch(Files::isRegularFile).allMatch(p -> p.toString().endsWith(".jar"));
        assertThat(classpath).anyMatch(p -> p.getFileName().toString().startsWith("flink-runtime-web-"));
        assertThat(classpath).noneMatch(p -> p.toString().contains("test-classes"));
    }
}
