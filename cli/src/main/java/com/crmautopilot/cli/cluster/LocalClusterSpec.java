package com.crmautopilot.cli.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What local cluster to start.
 *
 * @param layout             where the cluster keeps its files
 * @param baseConf           a Flink conf directory (config.yaml, log4j.properties) to start from, such as the
 *                           project's {@code conf/}; null for Flink's defaults
 * @param taskManagers       TaskManager processes to start
 * @param slots              task slots per TaskManager; null for the base configuration's
 * @param taskManagerMemory  {@code taskmanager.memory.process.size}; null for the base configuration's
 * @param jobManagerMemory   {@code jobmanager.memory.process.size}; null for the base configuration's
 * @param restPort           the REST and web UI port; 0 for a free one
 * @param classpath          the jars of every cluster process (see {@link ClusterClasspath})
 * @param settings           configuration applied last, over everything else
 * @param startTimeout       how long the JobManager and each TaskManager may take to come up
 * @param stopWithThisJvm    stop the cluster when this JVM exits (tests); false leaves it running (cluster start)
 */
public record LocalClusterSpec(
        ClusterLayout layout,
        Path baseConf,
        int taskManagers,
        Integer slots,
        String taskManagerMemory,
        String jobManagerMemory,
        int restPort,
        List<Path> classpath,
        Map<String, String> settings,
        Duration startTimeout,
        boolean stopWithThisJvm) {

    public LocalClusterSpec {
        Objects.requireNonNull(layout, "layout");
        if (taskManagers < 0) {
            throw new IllegalArgumentException("taskManagers must be 0 or more, got " + taskManagers);
        }
        if (slots != null && slots < 1) {
            throw new IllegalArgumentException("slots must be at least 1, got " + slots);
        }
        if (restPort < 0 || restPort > 65535) {
            throw new IllegalArgumentException("restPort must be 0 (any free port) or a TCP port, got " + restPort);
        }
        classpath = List.copyOf(classpath);
        settings = Map.copyOf(settings);
    }

    public static Builder builder(Path root) {
        return new Builder(new ClusterLayout(root));
    }

    /** Defaults: one TaskManager, a free REST port, and this JVM's Flink jars. */
    public static final class Builder {
        private final ClusterLayout layout;
        private Path baseConf;
        private int taskManagers = 1;
        private Integer slots;
        private String taskManagerMemory;
        private String jobManagerMemory;
        private int restPort;
        private List<Path> classpath;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private Duration startTimeout = Duration.ofSeconds(90);
        private boolean stopWithThisJvm;

        private Builder(ClusterLayout layout) {
            this.layout = layout;
        }

        public Builder baseConf(Path dir) {
            this.baseConf = dir;
            return this;
        }

        public Builder taskManagers(int count) {
            this.taskManagers = count;
            return this;
        }

        public Builder slots(Integer perTaskManager) {
            this.slots = perTaskManager;
            return this;
        }

        public Builder taskManagerMemory(String processSize) {
            this.taskManagerMemory = processSize;
            return this;
        }

        public Builder jobManagerMemory(String processSize) {
            this.jobManagerMemory = processSize;
            return this;
        }

        public Builder restPort(int port) {
            this.restPort = port;
            return this;
        }

        public Builder classpath(List<Path> jars) {
            this.classpath = jars;
            return this;
        }

        public Builder set(String key, String value) {
            settings.put(key, value);
            return this;
        }

        public Builder startTimeout(Duration timeout) {
            this.startTimeout = timeout;
            return this;
        }

        /** Stops the cluster when this JVM exits, should a test end without closing it. */
        public Builder stopWithThisJvm() {
            this.stopWithThisJvm = true;
            return this;
        }

        public LocalClusterSpec build() {
            List<Path> jars = classpath != null ? classpath : ClusterClasspath.ofThisJvm();
            return new LocalClusterSpec(layout, baseConf, taskManagers, slots, taskManagerMemory, jobManagerMemory,
                    restPort, jars, settings, startTimeout, stopWithThisJvm);
        }
    }
}
