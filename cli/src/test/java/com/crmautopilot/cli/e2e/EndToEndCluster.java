package com.crmautopilot.cli.e2e;

import com.crmautopilot.operators.metrics.InProcessCounters;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

import java.util.Map;

/**
 * The MiniCluster the end-to-end tests run jobs on: like a small production cluster (RocksDB, no Kryo fallback, no
 * generated uids), with the in-process counters the tests poll to know when a job has caught up.
 */
final class EndToEndCluster {

    private EndToEndCluster() {
    }

    static MiniClusterExtension onRocksDb() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .setConfiguration(InProcessCounters.enable(Configuration.fromMap(Map.of(
                        "state.backend.type", "rocksdb",
                        "taskmanager.memory.managed.size", "128m",
                        "pipeline.generic-types", "false",
                        "pipeline.auto-generate-uids", "false"))))
                .build());
    }
}
