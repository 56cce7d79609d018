package com.crmautopilot.cli.cluster;

import org.apache.flink.configuration.BlobServerOptions;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.configuration.WebOptions;
import org.apache.flink.runtime.clusterframework.BootstrapTools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The configuration a local cluster runs with: the base {@code config.yaml} (the project's {@code conf/}), made
 * to fit one machine. Addresses become localhost, ports are free ones, and every directory moves under the
 * cluster's own, so two clusters (or a test and a user's cluster) never share ports or files.
 */
final class LocalClusterConfig {

    static final String LOG4J_FILE = "log4j.properties";

    private static final MemorySize DEFAULT_JOB_MANAGER_MEMORY = MemorySize.parse("1024m");
    private static final MemorySize DEFAULT_TASK_MANAGER_MEMORY = MemorySize.parse("1600m");

    private static final List<String> JOB_MANAGER_MEMORY_KEYS = List.of(
            JobManagerOptions.TOTAL_PROCESS_MEMORY.key(), JobManagerOptions.TOTAL_FLINK_MEMORY.key(),
            JobManagerOptions.JVM_HEAP_MEMORY.key());
    private static final List<String> TASK_MANAGER_MEMORY_KEYS = List.of(
            TaskManagerOptions.TOTAL_PROCESS_MEMORY.key(), TaskManagerOptions.TOTAL_FLINK_MEMORY.key(),
            TaskManagerOptions.TASK_HEAP_MEMORY.key());

    private LocalClusterConfig() {
    }

    static Configuration build(LocalClusterSpec spec, int restPort, int rpcPort) {
        ClusterLayout layout = spec.layout();
        Configuration config = spec.baseConf() == null
                ? new Configuration()
                : GlobalConfiguration.loadConfiguration(spec.baseConf().toAbsolutePath().toString());

        config.set(JobManagerOptions.ADDRESS, "localhost");
        config.set(JobManagerOptions.PORT, rpcPort);
        config.set(JobManagerOptions.BIND_HOST, "localhost");
        config.set(TaskManagerOptions.BIND_HOST, "localhost");
        config.set(TaskManagerOptions.HOST, "localhost");
        config.set(RestOptions.ADDRESS, "localhost");
        config.set(RestOptions.BIND_ADDRESS, "localhost");
        config.set(RestOptions.PORT, restPort);
        config.set(RestOptions.BIND_PORT, String.valueOf(restPort));
        // Fixed ports suit containers; on a shared machine they collide.
        config.set(BlobServerOptions.PORT, "0");

        config.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, layout.checkpoints().toUri().toString());
        config.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, layout.savepoints().toUri().toString());
        config.set(CoreOptions.TMP_DIRS, layout.tmp().toString());
        config.set(WebOptions.UPLOAD_DIR, layout.uploads().toString());
        config.set(WebOptions.TMP_DIR, layout.tmp().toString());

        if (spec.slots() != null) {
            config.set(TaskManagerOptions.NUM_TASK_SLOTS, spec.slots());
        }
        if (spec.jobManagerMemory() != null) {
            config.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(spec.jobManagerMemory()));
        } else if (JOB_MANAGER_MEMORY_KEYS.stream().noneMatch(config::containsKey)) {
            config.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, DEFAULT_JOB_MANAGER_MEMORY);
        }
        if (spec.taskManagerMemory() != null) {
            config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, MemorySize.parse(spec.taskManagerMemory()));
        } else if (TASK_MANAGER_MEMORY_KEYS.stream().noneMatch(config::containsKey)) {
            config.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, DEFAULT_TASK_MANAGER_MEMORY);
        }

        spec.settings().forEach(config::setString);
        return config;
    }

    /**
     * Writes config.yaml into the cluster's conf directory, beside a copy of the base directory's other files
     * (log4j configuration, the jobs' settings files). Job main methods run in the JobManager, whose working
     * directory is the cluster's, so a job argument such as {@code --config conf/lead-intelligence.properties}
     * finds the same file there as it does from the project directory.
     */
    static void write(Configuration config, LocalClusterSpec spec) {
        Path conf = spec.layout().conf();
        try {
            if (spec.baseConf() != null) {
                try (Stream<Path> files = Files.list(spec.baseConf())) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            BootstrapTools.writeConfiguration(config, conf.resolve(GlobalConfiguration.FLINK_CONF_FILENAME).toFile());
            if (!Files.isRegularFile(conf.resolve(LOG4J_FILE))) {
                Files.writeString(conf.resolve(LOG4J_FILE), FALLBACK_LOG4J);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the cluster configuration to " + conf, e);
        }
    }

    /** For a base conf without log4j.properties: everything at INFO into the process's log file. */
    private static final String FALLBACK_LOG4J = """
            rootLogger.level = INFO
            rootLogger.appenderRef.file.ref = MainAppender
            appender.main.name = MainAppender
            appender.main.type = File
            appender.main.append = true
            appender.main.fileName = ${sys:log.file}
            appender.main.layout.type = PatternLayout
            appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %-60c %x - %m%n
            """;
}
