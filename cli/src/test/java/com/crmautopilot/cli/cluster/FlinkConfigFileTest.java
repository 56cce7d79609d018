package com.crmautopilot.cli.cluster;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.MetricOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.core.execution.RecoveryClaimMode;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * conf/config.yaml read by Flink itself, through typed options: a misspelt or deprecated key would leave the
 * option at its default, and these assertions would see the default.
 */
class FlinkConfigFileTest {

    private static Configuration config;

    @BeforeAll
    static void load() {
        config = GlobalConfiguration.loadConfiguration(ProjectBuild.ROOT.resolve("conf").toString());
    }

    @Test
    void keepsStateInRocksDbWithIncrementalCheckpointsEverySecond() {
        assertThat(config.get(StateBackendOptions.STATE_BACKEND)).isEqualTo("rocksdb");
        assertThat(config.get(CheckpointingOptions.INCREMENTAL_CHECKPOINTS)).isTrue();
        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_INTERVAL)).isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE))
                .isEqualTo(CheckpointingMode.EXACTLY_ONCE);
        assertThat(config.get(CheckpointingOptions.CHECKPOINTS_DIRECTORY)).isEqualTo("file:///opt/flink/data/checkpoints");
        assertThat(config.get(CheckpointingOptions.SAVEPOINT_DIRECTORY)).isEqualTo("file:///opt/flink/data/savepoints");
        assertThat(config.get(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION))
                .isEqualTo(ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        assertThat(config.get(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS)).isEqualTo(3);
    }

    @Test
    void neverFallsBackToKryoNorGeneratesOperatorUids() {
        assertThat(config.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(config.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
    }

    @Test
    void restartsWithExponentialBackoffAndNeverDeletesTheSnapshotItRestoredFrom() {
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY)).isEqualTo("exponential-delay");
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_INITIAL_BACKOFF))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(config.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                .isEqualTo(Duration.ofMinutes(1));
        assertThat(config.get(org.apache.flink.configuration.StateRecoveryOptions.RESTORE_MODE))
                .isEqualTo(RecoveryClaimMode.NO_CLAIM);
    }

    @Test
    void reportsMetricsToPrometheus() {
        assertThat(config.get(MetricOptions.REPORTERS_LIST)).isEqualTo("prom");
        assertThat(config.getString("metrics.reporter.prom.factory.class", null))
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
    }

    @Test
    void opensTheSameJdkInternalsAsTheBuildDoes() throws Exception {
        List<String> fromConf = Arrays.asList(config.get(CoreOptions.FLINK_JVM_OPTIONS).trim().split("\\s+"));
        List<String> fromPom = Arrays.asList(ProjectBuild.read().property("flink.jvm.opens").trim().split("\\s+"));
        assertThat(fromConf).containsExactlyElementsOf(fromPom).contains("--add-opens=java.base/java.util=ALL-UNNAMED");
    }

    @Test
    void sizesTheProcessesForATwoCoreMachineWithRoomForKafkaAndPostgres() {
        assertThat(config.get(TaskManagerOptions.NUM_TASK_SLOTS)).isEqualTo(2);
        assertThat(config.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY)).isEqualTo(MemorySize.parse("6g"));
        assertThat(config.get(JobManagerOptions.TOTAL_PROCESS_MEMORY)).isEqualTo(MemorySize.parse("1600m"));
        // The TaskManager's memory budget resolves (it would throw on a contradiction), leaving RocksDB 2+ GiB.
        var memory = TaskExecutorProcessUtils.processSpecFromConfig(config);
        assertThat(memory.getManagedMemorySize().getMebiBytes()).isGreaterThan(2000);
        assertThat(memory.getTaskHeapSize().getMebiBytes()).isGreaterThan(2000);
    }
}
