package com.crmautopilot.jobs;

import com.crmautopilot.jobs.scoring.LeadScoringPipeline;
import com.crmautopilot.jobs.scoring.LeadScoringSettings;
import com.crmautopilot.jobs.scoring.LeadScoringStreams;
import com.crmautopilot.jobs.scoring.ScoringKafka;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadProfile;
import com.crmautopilot.operators.dedupe.DedupeFunction;
import com.crmautopilot.operators.ingest.DeadLetterSplitter;
import com.crmautopilot.operators.ingest.EventTimeWatermarks;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.keys.TenantKeys;
import com.crmautopilot.operators.profile.LeadProfileFunction;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import com.crmautopilot.sinks.kafka.KafkaSources;
import com.crmautopilot.sinks.kafka.OutputSinks;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The lead-intelligence job: ingestion (validate, dedupe, event time, the per-lead engagement profile), then inline
 * lead scoring on every profile change ({@link LeadScoringPipeline}: models from {@code ai.models}, rescores from
 * {@code crm.control}, scores to {@code ai.lead-scores}, tier changes to {@code ai.score-changes}).
 *
 * <pre>
 * crm.events ─► validate (in the source) ─► split ─► dedupe by (tenant, event_id) ─► lead events ─► profile ─► ai.lead-profiles
 *                                            │         │                                              │
 *                                            │         │                                              └─► lead scoring ─► ai.lead-scores, ai.score-changes
 *                                            └─────────┴──────── dead letters (and refused models) ─────────┴──► ai.dead-letter
 * </pre>
 *
 * <p>{@link #defineIngestion} takes its source as a parameter, so tests run the same pipeline over bounded records.
 */
public final class LeadIntelligenceJob {

    public static final String JOB_NAME = "lead-intelligence";

    private LeadIntelligenceJob() {
    }

    public static void main(String[] args) throws Exception {
        JobSettings settings = JobSettings.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration(settings));
        defineKafkaPipeline(env, settings);
        env.execute(JOB_NAME);
    }

    /** The job's own configuration ({@link StreamingJobConfiguration}), under its name. */
    public static Configuration jobConfiguration(JobSettings settings) {
        return StreamingJobConfiguration.of(JOB_NAME, settings.checkpointInterval());
    }

    /** The whole job over Kafka: the {@code crm.events} source, the ingestion pipeline, and the Kafka sinks. */
    public static IngestionStreams defineKafkaPipeline(StreamExecutionEnvironment env, JobSettings settings) {
        IngestionStreams streams = defineIngestion(env,
                KafkaSources.of(settings.sourceSettings(), new CrmEventsDeserializer(settings.validator())),
                settings.ingestion());
        KafkaSinkSettings sinkSettings = settings.sinkSettings();
        LeadScoringSettings scoring = settings.scoring();
        LeadScoringStreams scores = LeadScoringPipeline.attach(streams.profiles(),
                LeadScoringPipeline.controlMessages(env,
                        ScoringKafka.modelAnnouncements(scoring.modelsSource(settings.bootstrapServers(), settings.groupId())),
                        ScoringKafka.controlCommands(scoring.controlSource(settings.bootstrapServers(), settings.groupId())),
                        scoring.modelsTopic(), scoring.controlTopic()),
                scoring.config());
        LeadScoringPipeline.attachSinks(scores,
                ScoringKafka.leadScores(scoring.scoresTopic(), sinkSettings),
                ScoringKafka.scoreChanges(scoring.changesTopic(), sinkSettings));
        IngestionStreams all = new IngestionStreams(streams.events(), streams.profiles(),
                streams.deadLetters().union(scores.deadLetters()));
        attachSinks(all,
                OutputSinks.leadProfiles(settings.profilesTopic(), sinkSettings),
                OutputSinks.deadLetters(settings.deadLetterTopic(), sinkSettings));
        return all;
    }

    /**
     * The ingestion pipeline over any source of {@link Ingested} records (the Kafka source, or a bounded one in
     * tests). Every operator has a stable uid ({@link Uids}) and a name.
     */
    public static IngestionStreams defineIngestion(StreamExecutionEnvironment env, Source<Ingested, ?, ?> source,
                                                   IngestionSettings settings) {
        // Producers' disorder is bounded, so a fixed bound on out-of-orderness holds; idleness keeps an empty or
        // garbage-only partition from stalling event time. Dead letters never move the watermark.
        WatermarkStrategy<Ingested> eventTimeWatermarks =
                EventTimeWatermarks.forIngested(settings.outOfOrderness(), settings.idleness());

        DataStream<Ingested> ingested = env
                .fromSource(source, eventTimeWatermarks, settings.eventsTopic(), Ingested.TYPE)
                .uid(Uids.EVENTS_SOURCE);

        SingleOutputStreamOperator<CrmEvent> valid = ingested
                .process(new DeadLetterSplitter(), TypeInformation.of(CrmEvent.class))
                .uid(Uids.SPLIT_DEAD_LETTERS).name("split dead letters");

        SingleOutputStreamOperator<CrmEvent> unique = valid
                .keyBy(TenantKeys.byEventId())
                .process(new DedupeFunction(settings.dedupeTtl(), settings.eventsTopic()),
                        TypeInformation.of(CrmEvent.class))
                .uid(Uids.DEDUPE).name("dedupe by tenant and event id");

        // Events without a lead (accounts, opportunities, campaigns, heartbeats) are not lead events: they stay on
        // the events stream for the other stages, and simply do not feed the profile.
        SingleOutputStreamOperator<LeadProfile> profiles = unique
                .filter(LeadIntelligenceJob::isLeadEvent)
                .uid(Uids.LEAD_EVENTS).name("lead events only")
                .keyBy(TenantKeys.byLead())
                .process(new LeadProfileFunction(settings.profile(), settings.eventsTopic()),
                        TypeInformation.of(LeadProfile.class))
                .uid(Uids.LEAD_PROFILE).name("lead engagement profile");

        DataStream<DeadLetter> deadLetters = valid.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                .union(unique.getSideOutput(DedupeFunction.DUPLICATES),
                        profiles.getSideOutput(LeadProfileFunction.LATE_EVENTS));

        return new IngestionStreams(unique, profiles, deadLetters);
    }

    /** Attaches the two sinks of the ingestion outputs, with their stable uids. */
    public static void attachSinks(IngestionStreams streams, Sink<LeadProfile> profileSink,
                                   Sink<DeadLetter> deadLetterSink) {
        streams.profiles().sinkTo(profileSink).uid(Uids.LEAD_PROFILES_SINK).name("ai.lead-profiles");
        streams.deadLetters().sinkTo(deadLetterSink).uid(Uids.DEAD_LETTER_SINK).name("ai.dead-letter");
    }

    static boolean isLeadEvent(CrmEvent event) {
        return event.leadId() != null;
    }
}
