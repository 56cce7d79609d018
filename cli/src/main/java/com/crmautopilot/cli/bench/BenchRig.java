package com.crmautopilot.cli.bench;

import com.crmautopilot.cli.runtime.EmbeddedFlink;
import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.JobSettings;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.sinks.kafka.KafkaSources;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded broker and MiniCluster a benchmark runs in, with the wiring its jobs share. Both benchmarks build
 * their jobs here so that the job under test and the baseline get the same job configuration, parallelism,
 * checkpoint interval and source settings: the comparison is only fair while those stay the same.
 */
public final class BenchRig implements AutoCloseable {

    private final BenchOptions options;
    private final EmbeddedKafka kafka;
    private final EmbeddedFlink flink;

    private BenchRig(BenchOptions options, EmbeddedKafka kafka, EmbeddedFlink flink) {
        this.options = options;
        this.kafka = kafka;
        this.flink = flink;
    }

    public static BenchRig start(BenchOptions options, Path checkpoints) {
        EmbeddedKafka kafka = EmbeddedKafka.start();
        try {
            EmbeddedFlink flink = EmbeddedFlink.start(Math.max(2, options.parallelism() * 2),
                    options.checkpointInterval(), checkpoints, 0);
            return new BenchRig(options, kafka, flink);
        } catch (RuntimeException | Error e) {
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

    public BenchOptions options() {
        return options;
    }

    public void createTopics(Collection<String> names) {
        kafka.createTopics(names, options.partitions());
    }

    /** Loads {@code records} into {@code topic} before the runs ({@link TopicLoader}). */
    public void produceAll(String topic, List<SimulatedRecord> records) {
        TopicLoader.load(kafka.bootstrapServers(), topic, records);
    }

    /**
     * The lead-intelligence job's settings on this broker. The timestamp keeps every run's transactional ids its
     * own, so no run's sink fences or waits on another's transactions.
     */
    public JobSettings jobSettings(String eventsTopic, String profilesTopic, String deadLetterTopic, String name) {
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        overrides.put("kafka.group-id", name);
        overrides.put("kafka.starting-offsets", "earliest");
        overrides.put("topics.events", eventsTopic);
        overrides.put("topics.lead-profiles", profilesTopic);
        overrides.put("topics.dead-letter", deadLetterTopic);
        overrides.put("sink.transactional-id-prefix", name + "-" + Long.toHexString(System.nanoTime()));
        overrides.put("checkpoint.interval", checkpointIntervalSetting());
        return JobSettings.fromMap(overrides);
    }

    /** The job configuration of the settings given, for the job under test and the baseline alike. */
    public StreamExecutionEnvironment environment(JobSettings settings) {
        StreamExecutionEnvironment env = flink.newEnvironment(LeadIntelligenceJob.jobConfiguration(settings));
        env.setParallelism(options.parallelism());
        return env;
    }

    /** Timed jobs bring their topics in their own definition: only the checkpoint interval shapes their job. */
    public StreamExecutionEnvironment timedRunEnvironment() {
        return environment(JobSettings.fromMap(Map.of("checkpoint.interval", checkpointIntervalSetting())));
    }

    /**
     * The lead-intelligence job's ingestion, the way the job wires it: bounded for the throughput runs, which must
     * end, and unbounded for the latency run, which is cancelled.
     */
    public static IngestionStreams defineIngestion(StreamExecutionEnvironment env, JobSettings settings,
                                                   boolean bounded) {
        var deserializer = new CrmEventsDeserializer(settings.validator());
        var source = bounded
                ? KafkaSources.boundedToLatest(settings.sourceSettings(), deserializer)
                : KafkaSources.of(settings.sourceSettings(), deserializer);
        return LeadIntelligenceJob.defineIngestion(env, source, settings.ingestion());
    }

    /**
     * The bare baseline over the same topic: {@code read_committed} and exactly-once like the job under test, so
     * that it pays for the same transactions.
     */
    public void defineBaseline(StreamExecutionEnvironment env, String eventsTopic, String name) {
        KafkaSource<byte[]> source = KafkaSource.<byte[]>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(eventsTopic)
                .setGroupId(name)
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(KafkaRecordDeserializationSchema.valueOnly(ByteArrayDeserializer.class))
                .setProperty("isolation.level", "read_committed")
                .build();
        BaselinePipeline.define(env, source, kafka.bootstrapServers(), DeliveryGuarantee.EXACTLY_ONCE,
                name + "-" + Long.toHexString(System.nanoTime()));
    }

    /** The checkpoint interval of this run, as a job setting's value. */
    public String checkpointIntervalSetting() {
        return options.checkpointInterval().toMillis() + " ms";
    }

    @Override
    public void close() {
        try {
            flink.close();
        } finally {
            kafka.close();
        }
    }
}
