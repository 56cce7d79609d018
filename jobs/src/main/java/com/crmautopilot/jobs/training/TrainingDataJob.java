package com.crmautopilot.jobs.training;

import com.crmautopilot.jobs.IngestionStreams;
import com.crmautopilot.jobs.LeadIntelligenceJob;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.training.EndOfData;
import com.crmautopilot.operators.training.LabelledSnapshot;
import com.crmautopilot.operators.training.PointInTimeSnapshotFunction;
import com.crmautopilot.operators.training.SnapshotCadence;
import com.crmautopilot.operators.training.SnapshotConfig;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings;
import com.crmautopilot.sinks.kafka.KafkaSources;
import com.crmautopilot.models.output.LeadProfile;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.bucketassigners.BasePathBucketAssigner;
import org.apache.flink.util.CloseableIterator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The training-data job: a bounded history of {@code crm.events} through the live job's own ingestion pipeline
 * ({@link LeadIntelligenceJob#defineIngestion}: validation, dedupe, the lead profile), then point-in-time snapshots
 * labelled by what happened next. Features come from {@link com.crmautopilot.models.scoring.LeadFeatures#from},
 * the call live scoring makes, so training and serving cannot drift apart.
 *
 * <pre>
 * history ─► ingestion (as live) ─► profiles ─keyBy(tenant, lead)─► point-in-time snapshots ─► labelled rows
 *                  │                                                      ▲ (broadcast)
 *                  └─► valid events ─keyBy(tenant)─► newest event time ───┘ end of data per tenant
 * </pre>
 *
 * <p>It runs in BATCH mode: each keyed operator sees its input sorted by key, then by event time, so the profile
 * operator replays each lead's history in order (no event is late) and the snapshot operator learns a lead's
 * outcome before it labels the lead's snapshots. <b>End of data</b>: the newest valid event time of each tenant,
 * heartbeats included, from a keyed reduce over the deduplicated events (in BATCH mode it emits one final value per
 * tenant). It reaches the snapshot operator as broadcast state, and BATCH mode reads a broadcast input completely
 * before the keyed one, so it is known before the first profile arrives.
 *
 * <p>One difference from live: in BATCH mode event-time timers fire only when a key's input is done, so a profile
 * does not emit its window expiries between two events (the next event applies them, so every emitted profile is
 * still exact as of its time); the expiries after a lead's last event are emitted, and snapshotted, as live.
 */
public final class TrainingDataJob {

    public static final String JOB_NAME = "training-data";

    private TrainingDataJob() {
    }

    /**
     * Builds the labelled snapshots of a history and writes them as CSV files into a directory, for training
     * elsewhere: {@code --events FILE | --bootstrap-servers S --topic T}, {@code --out DIR},
     * {@code [--horizon-days 30] [--cadence daily|every-change]}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        TrainingDataSettings settings = TrainingDataSettings.defaults().withSnapshots(new SnapshotConfig(
                Duration.ofDays(Long.parseLong(options.getOrDefault("horizon-days", "30"))),
                SnapshotCadence.fromWireName(options.getOrDefault("cadence", SnapshotCadence.DAILY.wireName()))));
        Source<Ingested, ?, ?> source = options.containsKey("events")
                ? fileSource(Path.of(options.get("events")), settings)
                : kafkaSource(required(options, "bootstrap-servers"), required(options, "topic"), JOB_NAME, settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration());
        defineTrainingData(env, source, settings)
                .sinkTo(csvSink(Path.of(required(options, "out"))))
                .uid(TrainingDataUids.SNAPSHOTS_SINK).name("labelled snapshots (CSV)");
        env.execute(JOB_NAME);
    }

    /** Snapshots as {@code snapshots-*.csv} files directly in a directory, each with the {@link SnapshotCsv} header. */
    public static FileSink<LabelledSnapshot> csvSink(Path directory) {
        return FileSink.forBulkFormat(new org.apache.flink.core.fs.Path(directory.toAbsolutePath().toUri()),
                        SnapshotCsvWriter.factory())
                .withBucketAssigner(new BasePathBucketAssigner<>())
                .withOutputFileConfig(OutputFileConfig.builder().withPartPrefix("snapshots").withPartSuffix(".csv")
                        .build())
                .build();
    }

    /** BATCH runtime mode, no Kryo fallback, no generated uids. */
    public static Configuration jobConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.NAME, JOB_NAME);
        configuration.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        return configuration;
    }

    /**
     * A JSONL history (one {@code crm.events} record per line, or a directory of such files), decoded as the Kafka
     * source decodes, by as many readers as the source has.
     */
    public static FileSource<Ingested> fileSource(Path file, TrainingDataSettings settings) {
        return FileSource.forRecordStreamFormat(
                        new EventLinesFormat(settings.validator(), settings.ingestion().eventsTopic()),
                        new org.apache.flink.core.fs.Path(file.toAbsolutePath().toUri()))
                .setFileEnumerator(ByteRangeFileEnumerator.PROVIDER)
                .build();
    }

    /** A topic read from its earliest offsets to the offsets that were latest when the job started. */
    public static KafkaSource<Ingested> kafkaSource(String bootstrapServers, String topic, String groupId,
                                                    TrainingDataSettings settings) {
        return KafkaSources.boundedToLatest(
                new KafkaSourceSettings(bootstrapServers, topic, groupId, KafkaSourceSettings.StartingOffsets.EARLIEST),
                new CrmEventsDeserializer(settings.validator()));
    }

    /** The job over any bounded source of {@link Ingested} records; run it in BATCH mode. */
    public static DataStream<LabelledSnapshot> defineTrainingData(StreamExecutionEnvironment env,
                                                                  Source<Ingested, ?, ?> source,
                                                                  TrainingDataSettings settings) {
        IngestionStreams streams = LeadIntelligenceJob.defineIngestion(env, source, settings.ingestion());

        DataStream<EndOfData> endOfData = streams.events()
                .map(EndOfData::of, EndOfData.TYPE)
                .uid(TrainingDataUids.EVENT_TIMES).name("event times")
                .keyBy(EndOfData::tenantId)
                .reduce(EndOfData::later)
                .uid(TrainingDataUids.END_OF_DATA).name("end of data per tenant");

        // A timer that catches up on several window expiries stamps all of its profiles with its own time, and
        // BATCH mode orders a key's records by timestamp only, so without this their order would be arbitrary.
        return streams.profiles()
                .assignTimestampsAndWatermarks(WatermarkStrategy.<LeadProfile>noWatermarks()
                        .withTimestampAssigner((profile, previous) -> profile.asOf().toEpochMilli()))
                .uid(TrainingDataUids.PROFILE_TIMES).name("profiles at their as-of time")
                .keyBy(PointInTimeSnapshotFunction.byLead())
                .connect(endOfData.broadcast(PointInTimeSnapshotFunction.END_OF_DATA))
                .process(new PointInTimeSnapshotFunction(settings.snapshots()), LabelledSnapshot.TYPE)
                .uid(TrainingDataUids.SNAPSHOTS).name("point-in-time snapshots");
    }

    /**
     * Runs the job and returns its snapshots, in no particular order. Category strings are shared between rows, so
     * hundreds of thousands of rows stay small in memory.
     *
     * @param progress told the number of snapshots received so far
     */
    public static List<LabelledSnapshot> collect(StreamExecutionEnvironment env, Source<Ingested, ?, ?> source,
                                                 TrainingDataSettings settings, LongConsumer progress)
            throws Exception {
        List<LabelledSnapshot> snapshots = new ArrayList<>();
        Map<String, String> shared = new HashMap<>();
        try (CloseableIterator<LabelledSnapshot> results =
                     defineTrainingData(env, source, settings).executeAndCollect(JOB_NAME)) {
            while (results.hasNext()) {
                LabelledSnapshot snapshot = results.next();
                String[] categories = snapshot.features().categories();
                for (int i = 0; i < categories.length; i++) {
                    if (categories[i] != null) {
                        categories[i] = shared.computeIfAbsent(categories[i], c -> c);
                    }
                }
                snapshots.add(snapshot);
                if ((snapshots.size() & 0xFFF) == 0) {
                    progress.accept(snapshots.size());
                }
            }
        }
        progress.accept(snapshots.size());
        return snapshots;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}
