package com.crmautopilot.cli.runtime;

import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.suggest.SuggestionDeliveryJob;
import com.crmautopilot.jobs.suggest.SuggestionDeliverySettings;
import com.crmautopilot.models.Topics;
import com.crmautopilot.models.scoring.ShippedModels;
import org.apache.flink.api.common.JobID;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the demo starts, in one place, so it is closed in reverse order however the demo ends: the broker
 * with its topics, the MiniCluster, and the jobs on it.
 */
public final class DemoRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRuntime.class);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final EmbeddedKafka kafka;
    private final EmbeddedFlink flink;
    private final Path workDir;
    private final Map<String, JobID> jobs = new LinkedHashMap<>();

    private DemoRuntime(EmbeddedKafka kafka, EmbeddedFlink flink, Path workDir) {
        this.kafka = kafka;
        this.flink = flink;
        this.workDir = workDir;
    }

    /**
     * @param partitions partitions per topic
     * @param slots      MiniCluster task slots
     * @param restPort   Flink web UI port, 0 for a free one
     */
    public static DemoRuntime start(int partitions, int slots, int restPort) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory("autopilot-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a work directory", e);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try {
            kafka.createTopics(Topics.ALL, partitions);
            EmbeddedFlink flink = EmbeddedFlink.start(slots, Duration.ofSeconds(2), workDir.resolve("checkpoints"),
                    restPort);
            DemoRuntime runtime = new DemoRuntime(kafka, flink, workDir);
            runtime.started.push(kafka);
            runtime.started.push(flink);
            return runtime;
        } catch (RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public EmbeddedFlink flink() {
        return flink;
    }

    /** Settings of a job on this runtime: its broker, a unique transactional id prefix, and frequent checkpoints. */
    public JobSettings jobSettings(String jobName, Duration checkpointInterval) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        overrides.put("kafka.group-id", jobName + "-demo");
        overrides.put("sink.transactional-id-prefix", jobName + "-" + Long.toHexString(System.nanoTime()));
        overrides.put("checkpoint.interval", checkpointInterval.toMillis() + " ms");
        overrides.put("scoring.default-model", ShippedModels.LEAD_CONVERSION);
        return JobSettings.fromMap(overrides);
    }

    /** Submits the lead-intelligence job (ingestion and scoring) over the broker's topics. */
    public JobID submitLeadIntelligence(JobSettings settings) {
        StreamExecutionEnvironment env = flink.newEnvironment(LeadIntelligenceJob.jobConfiguration(settings));
        env.setParallelism(Math.min(2, Runtime.getRuntime().availableProcessors()));
        LeadIntelligenceJob.defineKafkaPipeline(env, settings);
        JobID id = flink.submit(env, LeadIntelligenceJob.JOB_NAME);
        jobs.put(LeadIntelligenceJob.JOB_NAME, id);
        return id;
    }

    /**
     * Settings of the suggestion-delivery job on this runtime. No user has an email address or a Slack webhook
     * unless {@code crm.preferences} gives one, so the demo delivers in-app only and makes no external calls.
     */
    public SuggestionDeliverySettings suggestionSettings(Duration checkpointInterval) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        overrides.put("kafka.group-id", SuggestionDeliveryJob.JOB_NAME + "-demo");
        overrides.put("sink.transactional-id-prefix", SuggestionDeliveryJob.JOB_NAME + "-"
                + Long.toHexString(System.nanoTime()));
        overrides.put("checkpoint.interval", checkpointInterval.toMillis() + " ms");
        return SuggestionDeliverySettings.fromMap(overrides);
    }

    /** Submits the suggestion-delivery job (triggers, engine, delivery) over the broker's topics. */
    public JobID submitSuggestionDelivery(SuggestionDeliverySettings settings) {
        StreamExecutionEnvironment env = flink.newEnvironment(SuggestionDeliveryJob.jobConfiguration(settings));
        // One slot: the demo's two cores are shared with lead-intelligence, the broker and the simulator.
        env.setParallelism(1);
        SuggestionDeliveryJob.defineKafkaPipeline(env, settings);
        JobID id = flink.submit(env, SuggestionDeliveryJob.JOB_NAME);
        jobs.put(SuggestionDeliveryJob.JOB_NAME, id);
        return id;
    }

    public Map<String, JobID> jobs() {
        return Map.copyOf(jobs);
    }

    /** Registers something to close before the broker and cluster (a producer, a watcher). */
    public <T extends AutoCloseable> T closeOnExit(T resource) {
        started.push(resource);
        return resource;
    }

    @Override
    public void close() {
        jobs.values().forEach(flink::cancel);
        while (!started.isEmpty()) {
            AutoCloseable resource = started.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("Could not close {}", resource, e);
            }
        }
        deleteQuietly(workDir);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}", dir, e);
        }
    }
}
