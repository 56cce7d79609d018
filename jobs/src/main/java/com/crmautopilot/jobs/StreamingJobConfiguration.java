package com.crmautopilot.jobs;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;

import java.time.Duration;

/**
 * The configuration every continuous job of the project runs with: no Kryo fallback, no generated uids, object reuse
 * between chained operators, and exactly-once checkpoints as often as the job's transactional output needs. The
 * state backend and checkpoint storage come from the cluster's {@code config.yaml}.
 */
public final class StreamingJobConfiguration {

    private StreamingJobConfiguration() {
    }

    public static Configuration of(String jobName, Duration checkpointInterval) {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.NAME, jobName);
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        // Every type that flows between operators is an immutable record, so chained operators can hand records on
        // without Flink's defensive deep copy.
        configuration.set(PipelineOptions.OBJECT_REUSE, true);
        configuration.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, checkpointInterval);
        configuration.set(CheckpointingOptions.CHECKPOINTING_CONSISTENCY_MODE, CheckpointingMode.EXACTLY_ONCE);
        return configuration;
    }
}
