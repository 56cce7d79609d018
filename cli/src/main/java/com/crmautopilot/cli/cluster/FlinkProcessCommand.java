package com.crmautopilot.cli.cluster;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command lines that flink-dist's {@code jobmanager.sh} and {@code taskmanager.sh} would build, without
 * flink-dist. The scripts ask {@code BashJavaUtils} for the JVM memory flags and the resolved memory settings;
 * the same Flink classes are called here directly. A TaskManager refuses to start without those resolved
 * settings ({@code -D taskmanager.memory.*}), whatever its config.yaml says.
 */
final class FlinkProcessCommand {

    static final String JOB_MANAGER_CLASS = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER_CLASS = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";

    private FlinkProcessCommand() {
    }

    static List<String> jobManager(Configuration config, ClusterLayout layout, List<Path> classpath) {
        JobManagerProcessSpec memory = JobManagerProcessUtils.processSpecFromConfig(config);
        List<String> command = java(config, CoreOptions.FLINK_DEFAULT_JM_JVM_OPTIONS.key(),
                CoreOptions.FLINK_JM_JVM_OPTIONS.key(), JobManagerProcessUtils.generateJvmParametersStr(memory, config),
                layout, "jobmanager", classpath);
        command.add(JOB_MANAGER_CLASS);
        command.add("--configDir");
        command.add(layout.conf().toString());
        command.addAll(words(JobManagerProcessUtils.generateDynamicConfigsStr(memory)));
        return command;
    }

    static List<String> taskManager(Configuration config, ClusterLayout layout, List<Path> classpath, String resourceId) {
        TaskExecutorProcessSpec memory = TaskExecutorProcessUtils.processSpecFromConfig(config);
        List<String> command = java(config, CoreOptions.FLINK_DEFAULT_TM_JVM_OPTIONS.key(),
                CoreOptions.FLINK_TM_JVM_OPTIONS.key(), ProcessMemoryUtils.generateJvmParametersStr(memory),
                layout, resourceId, classpath);
        command.add(TASK_MANAGER_CLASS);
        command.add("--configDir");
        command.add(layout.conf().toString());
        command.addAll(words(TaskExecutorProcessUtils.generateDynamicConfigsStr(memory)));
        command.add("-D");
        command.add(TaskManagerOptions.TASK_MANAGER_RESOURCE_ID.key() + "=" + resourceId);
        return command;
    }

    private static List<String> java(Configuration config, String roleDefaultsKey, String roleOptionsKey,
                                     String memoryFlags, ClusterLayout layout, String logName, List<Path> classpath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(words(memoryFlags));
        // As flink-dist's config.sh: default options, then the user's; for every process, then for the role.
        command.addAll(words(config.get(CoreOptions.FLINK_DEFAULT_JVM_OPTIONS)));
        command.addAll(words(config.get(CoreOptions.FLINK_JVM_OPTIONS)));
        command.addAll(words(config.getString(roleDefaultsKey, "")));
        command.addAll(words(config.getString(roleOptionsKey, "")));
        command.add("-Dlog.file=" + layout.log().resolve(logName + ".log"));
        command.add("-Dlog4j.configurationFile=" + layout.conf().resolve(LocalClusterConfig.LOG4J_FILE).toUri());
        command.add("-classpath");
        command.add(classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
        return command;
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.trim().split("\\s+")).toList();
    }
}
