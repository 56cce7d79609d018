package com.crmautopilot.jobs.suggest;

import com.crmautopilot.cep.TriggerLibrary;
import com.crmautopilot.cep.config.TriggerCatalog;
import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerSettings;
import com.crmautopilot.cep.deal.DealTriggerSet;
import com.crmautopilot.cep.deal.DealTriggers;
import com.crmautopilot.jobs.StreamingJobConfiguration;
import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import com.crmautopilot.models.suggest.TriggerType;
import com.crmautopilot.operators.dedupe.DedupeFunction;
import com.crmautopilot.operators.ingest.DeadLetterSplitter;
import com.crmautopilot.operators.ingest.EventTimeWatermarks;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.keys.TenantKeys;
import com.crmautopilot.operators.suggest.DecodedFeedback;
import com.crmautopilot.operators.suggest.DecodedPreferences;
import com.crmautopilot.operators.suggest.SuggestionEngine;
import com.crmautopilot.operators.suggest.SuggestionOutputs;
import com.crmautopilot.operators.suggest.SuggestionSettings;
import com.crmautopilot.sinks.kafka.JsonKafkaSink;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import com.crmautopilot.sinks.kafka.OutputSinks;
import com.crmautopilot.sinks.notify.DeliverySettings;
import com.crmautopilot.sinks.notify.NotificationSinks;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.util.EnumMap;
import java.util.Map;

/**
 * The suggestion-delivery job: the trigger library over CRM events and lead scores, the suggestion engine (text,
 * priority, learning, cooldown, preferences, quiet hours, digest), then delivery (in-app, email, digest, Slack).
 *
 * <pre>
 * crm.events ─► validate ─► dedupe ─┬─► lead and account triggers ◄── ai.lead-scores, ai.score-changes
 *                                   └─► deal triggers                  ▲ (both: crm.control trigger overrides)
 *                                        │ candidates (union)
 * crm.feedback, crm.preferences ───────► suggestion engine ─► ai.suggestions
 *                                        └─► notifications ─► ledger ─► in-app (ai.notifications.inapp), SMTP, Slack
 * every dead letter (events, duplicates, feedback, preferences, undeliverable notifications) ─► ai.dead-letter
 * </pre>
 *
 * <p>This job reads {@code crm.events} under its own consumer group and keeps its own dedupe state, so it deploys,
 * scales and restarts apart from lead-intelligence. Its {@link #define} takes its sources as parameters, so tests
 * and benchmarks run the same pipeline over their own.
 */
public final class SuggestionDeliveryJob {

    public static final String JOB_NAME = "suggestion-delivery";
    /**
     * Every {@code crm.events} record this job reads, valid or not: a counter apart from lead-intelligence's
     * {@code events_in}, since both jobs read the topic and in one JVM their counts would add up.
     */
    public static final String EVENTS_IN = "suggest_events_in";

    private SuggestionDeliveryJob() {
    }

    public static void main(String[] args) throws Exception {
        SuggestionDeliverySettings settings = SuggestionDeliverySettings.fromArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration(settings));
        defineKafkaPipeline(env, settings);
        env.execute(JOB_NAME);
    }

    /**
     * No Kryo fallback, no generated uids, object reuse between chained operators (every flowing type is an immutable
     * record), and checkpoints as often as the latency target needs: exactly-once output shows when they commit.
     */
    public static Configuration jobConfiguration(SuggestionDeliverySettings settings) {
        return StreamingJobConfiguration.of(JOB_NAME, settings.checkpointInterval());
    }

    /** The whole job over Kafka: its six sources, the pipeline, delivery and the two Kafka sinks. */
    public static void defineKafkaPipeline(StreamExecutionEnvironment env, SuggestionDeliverySettings settings) {
        defineKafkaPipeline(env, settings, SuggestionDeliverySources.kafka(settings), settings.deliverySettings());
    }

    /**
     * The job over the given sources and delivery settings, with its Kafka sinks: tests and benchmarks run the same
     * pipeline over their own sources and SMTP or Slack endpoints.
     */
    public static void defineKafkaPipeline(StreamExecutionEnvironment env, SuggestionDeliverySettings settings,
                                           SuggestionDeliverySources sources, DeliverySettings delivery) {
        SuggestionDeliveryStreams streams = define(env, sources, settings, delivery);
        KafkaSinkSettings sink = settings.sinkSettings();
        attachSinks(streams, suggestionsSink(settings.topic(SuggestionDeliverySettings.SUGGESTIONS), sink),
                OutputSinks.deadLetters(settings.topic(SuggestionDeliverySettings.DEAD_LETTER), sink));
    }

    /**
     * The pipeline over any sources, up to (and including) delivery; {@link #attachSinks} adds the two Kafka sinks.
     * Every operator has a stable uid and a name.
     */
    private static SuggestionDeliveryStreams define(StreamExecutionEnvironment env, SuggestionDeliverySources sources,
                                                    SuggestionDeliverySettings settings, DeliverySettings delivery) {
        TriggerCatalog catalog = settings.triggerCatalog();
        SuggestionSettings engine = settings.engineSettings();
        // Producers' disorder is bounded, so a fixed bound on out-of-orderness holds; idleness keeps an empty or
        // garbage-only partition from stalling event time. Dead letters never move the watermark. Heartbeats do:
        // that is how absence triggers fire while a tenant is quiet.
        WatermarkStrategy<Ingested> eventTime =
                EventTimeWatermarks.forIngested(settings.outOfOrderness(), settings.idleness());
        SingleOutputStreamOperator<CrmEvent> valid = env
                .fromSource(sources.events(), eventTime, "crm.events", Ingested.TYPE)
                .uid(SuggestionDeliveryUids.EVENTS_SOURCE)
                .process(DeadLetterSplitter.countingAs(EVENTS_IN), TypeInformation.of(CrmEvent.class))
                .uid(SuggestionDeliveryUids.SPLIT_DEAD_LETTERS).name("split dead letters");
        SingleOutputStreamOperator<CrmEvent> events = valid
                .keyBy(TenantKeys.byEventId())
                .process(new DedupeFunction(settings.dedupeTtl(), settings.topic(SuggestionDeliverySettings.EVENTS)),
                        TypeInformation.of(CrmEvent.class))
                .uid(SuggestionDeliveryUids.DEDUPE).name("dedupe by tenant and event id");

        // Scores are written by lead-intelligence in event time; the same bounds apply to them.
        WatermarkStrategy<LeadScore> scoreTime = EventTimeWatermarks.of(
                (score, previous) -> score.scoredAt().toEpochMilli(), settings.outOfOrderness(), settings.idleness());
        DataStream<LeadScore> scores = env
                .fromSource(sources.scores(), scoreTime, "ai.lead-scores", TypeInformation.of(LeadScore.class))
                .uid(SuggestionDeliveryUids.SCORES_SOURCE);
        WatermarkStrategy<ScoreChange> changeTime = EventTimeWatermarks.of((change, previous) ->
                change.changedAt().toEpochMilli(), settings.outOfOrderness(), settings.idleness());
        DataStream<ScoreChange> scoreChanges = env
                .fromSource(sources.scoreChanges(), changeTime, "ai.score-changes",
                        TypeInformation.of(ScoreChange.class))
                .uid(SuggestionDeliveryUids.SCORE_CHANGES_SOURCE);

        // Overrides apply as they arrive; both trigger families replace their watermarks with "end of time".
        DataStream<TriggerOverride> overrides = env
                .fromSource(sources.overrides(), WatermarkStrategy.noWatermarks(), "crm.control trigger overrides",
                        TypeInformation.of(TriggerOverride.class))
                .uid(SuggestionDeliveryUids.CONTROL_SOURCE);

        DataStream<SuggestionCandidate> candidates = new TriggerLibrary(catalog)
                .attach(events, scores, scoreChanges, TriggerLibrary.broadcastOverrides(env, overrides))
                .union(DealTriggers.attach(events, overrides, dealDefaults(catalog)));

        // Feedback and preferences get their event time inside the engine, from their own fields.
        DataStream<DecodedFeedback> feedback = env
                .fromSource(sources.feedback(), WatermarkStrategy.noWatermarks(), "crm.feedback",
                        TypeInformation.of(DecodedFeedback.class))
                .uid(SuggestionDeliveryUids.FEEDBACK_SOURCE);
        DataStream<DecodedPreferences> preferences = env
                .fromSource(sources.preferences(), WatermarkStrategy.noWatermarks(), "crm.preferences",
                        TypeInformation.of(DecodedPreferences.class))
                .uid(SuggestionDeliveryUids.PREFERENCES_SOURCE);
        SuggestionOutputs outputs = SuggestionEngine.attach(candidates, feedback, preferences, engine);

        DataStream<DeadLetter> undelivered = NotificationSinks.attach(outputs.notifications(), delivery);
        DataStream<DeadLetter> deadLetters = valid.getSideOutput(DeadLetterSplitter.DEAD_LETTERS)
                .union(events.getSideOutput(DedupeFunction.DUPLICATES), outputs.deadLetters(), undelivered);
        return new SuggestionDeliveryStreams(outputs.suggestions(), deadLetters);
    }

    /** The sinks of {@code ai.suggestions} and {@code ai.dead-letter}, with their stable uids. */
    private static void attachSinks(SuggestionDeliveryStreams streams, Sink<Suggestion> suggestionSink,
                                   Sink<DeadLetter> deadLetterSink) {
        streams.suggestions()
                .map(new SuggestionCounter(), TypeInformation.of(Suggestion.class))
                .uid(SuggestionDeliveryUids.COUNT_SUGGESTIONS).name("count suggestions")
                .sinkTo(suggestionSink)
                .uid(SuggestionDeliveryUids.SUGGESTIONS_SINK).name("ai.suggestions");
        streams.deadLetters().sinkTo(deadLetterSink)
                .uid(SuggestionDeliveryUids.DEAD_LETTER_SINK).name("ai.dead-letter");
    }

    /** {@code ai.suggestions}, exactly-once, keyed {@code tenant:suggestion}: a consumer upserts on the id. */
    public static KafkaSink<Suggestion> suggestionsSink(String topic, KafkaSinkSettings settings) {
        return JsonKafkaSink.of(topic, SuggestionDeliveryJob::suggestionKey, settings);
    }

    public static String suggestionKey(Suggestion suggestion) {
        return suggestion.tenantId() + ":" + suggestion.suggestionId();
    }

    private static Map<TriggerType, TriggerSettings> dealDefaults(TriggerCatalog catalog) {
        Map<TriggerType, TriggerSettings> defaults = new EnumMap<>(TriggerType.class);
        DealTriggerSet.TYPES.forEach(type -> defaults.put(type, catalog.settings(type)));
        return defaults;
    }
}
