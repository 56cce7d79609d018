package com.crmautopilot.cli.runtime;

import com.crmautopilot.operators.metrics.InProcessCounters;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Flink MiniCluster inside this JVM, configured as a small production cluster: RocksDB state, periodic
 * checkpoints to a local directory, no Kryo fallback and no generated uids. Jobs built on {@link #newEnvironment()}
 * are submitted to it, so several jobs share one cluster as they would on a real one.
 */
public final class EmbeddedFlink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFlink.class);

    /** System properties {@code autopilot.flink.<key>} override the cluster's Flink option {@code <key>}. */
    public static final String OVERRIDE_PREFIX = "autopilot.flink.";

    private final MiniCluster cluster;
    private final Configuration configuration;

    private EmbeddedFlink(MiniCluster cluster, Configuration configuration) {
        this.cluster = cluster;
        this.configuration = configuration;
    }

    /**
     * @param slots              task slots (one TaskManager)
     * @param checkpointInterval exactly-once output becomes visible at each checkpoint, so this bounds latency
     * @param checkpointDir      where checkpoints go
     * @param restPort           0 for a free port
     */
    public static EmbeddedFlink start(int slots, Duration checkpointInterval, Path checkpointDir, int restPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("state.backend.type", "rocksdb");
        settings.put("execution.checkpointing.incremental", "true");
        settings.put("execution.checkpointing.interval", checkpointInterval.toMillis() + " ms");
        settings.put("execution.checkpointing.dir", checkpointDir.toUri().toString());
        settings.put("execution.checkpointing.min-pause", "0 ms");
        settings.put("pipeline.generic-types", "false");
        settings.put("pipeline.auto-generate-uids", "false");
        settings.put("taskmanager.numberOfTaskSlots", String.valueOf(slots));
        // RocksDB's block cache and write buffers come out of the slot's managed memory, shared by every stateful
        // operator in it. The suggestion job has about twenty; at 256 MB each got a few MB and RocksDB spent more CPU
        // flushing and compacting than the triggers did (bench suggest: 10.1 k -> 12.7 k events/s at 1 GB).
        settings.put("taskmanager.memory.managed.size", "1g");
        // As in conf/config.yaml: most state reads miss (new event ids, first marks), and a bloom filter answers them.
        settings.put("state.backend.rocksdb.use-bloom-filter", "true");
        settings.put("taskmanager.memory.network.min", "64m");
        settings.put("taskmanager.memory.network.max", "64m");
        settings.put("rest.bind-port", String.valueOf(restPort));
        settings.put("rest.port", String.valueOf(restPort));
        settings.put("rest.address", "127.0.0.1");
        settings.put("rest.bind-address", "127.0.0.1");
        // For trying a setting on one run (a timer store, managed memory) without a rebuild.
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(OVERRIDE_PREFIX))
                .forEach(k -> settings.put(k.substring(OVERRIDE_PREFIX.length()), System.getProperty(k)));
        // Lets the demo and the benchmark read the operators' counters (events in, dead letters, profiles) live.
        Configuration configuration = InProcessCounters.enable(Configuration.fromMap(settings));

        MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration)
                .setNumTaskManagers(1)
                .setNumSlotsPerTaskManager(slots)
                .build());
        try {
            cluster.start();
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the Flink MiniCluster", e);
        }
        EmbeddedFlink flink = new EmbeddedFlink(cluster, configuration);
        LOG.info("Flink MiniCluster ready, web UI at {}", flink.restAddress());
        return flink;
    }

    /**
     * An environment carrying this cluster's configuration overlaid with the job's own (checkpoint interval, no
     * Kryo, no generated uids); build a job on it, then {@link #submit} it.
     */
    public StreamExecutionEnvironment newEnvironment(Configuration jobConfiguration) {
        Configuration merged = new Configuration(configuration);
        merged.addAll(jobConfiguration);
        return StreamExecutionEnvironment.getExecutionEnvironment(merged);
    }

    public JobID submit(StreamExecutionEnvironment env, String jobName) {
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(jobName);
        try {
            return cluster.submitJob(graph).get(60, TimeUnit.SECONDS).getJobID();
        } catch (Exception e) {
            throw new IllegalStateException("Could not submit job " + jobName, e);
        }
    }

    public JobStatus status(JobID jobId) {
        try {
            return cluster.getJobStatus(jobId).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the status of job " + jobId, e);
        }
    }

    /** Waits for a bounded job to finish, failing loudly if it failed. */
    public void awaitTermination(JobID jobId, Duration timeout) {
        try {
            var result = cluster.requestJobResult(jobId).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!result.isSuccess()) {
                Throwable cause = result.getSerializedThrowable()
                        .map(t -> t.deserializeError(getClass().getClassLoader()))
                        .orElse(null);
                throw new IllegalStateException("Job " + jobId + " ended as " + result.getApplicationStatus(), cause);
            }
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Job " + jobId + " did not finish within " + timeout, e);
        }
    }

    public void cancel(JobID jobId) {
        try {
            cluster.cancelJob(jobId).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Could not cancel job {}", jobId, e);
        }
    }

    public URI restAddress() {
        try {
            return cluster.getRestAddress().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The MiniCluster has no REST address", e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            LOG.warn("MiniCluster did not close cleanly", e);
        }
    }
}
