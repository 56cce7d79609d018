package com.crmautopilot.jobs.suggest;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.jobs.ingest.CrmEventsDeserializer;
import com.crmautopilot.models.output.LeadScore;
import com.crmautopilot.models.output.ScoreChange;
import com.crmautopilot.operators.ingest.Ingested;
import com.crmautopilot.operators.suggest.DecodedFeedback;
import com.crmautopilot.operators.suggest.DecodedPreferences;
import com.crmautopilot.sinks.kafka.JsonRecordDeserializer;
import com.crmautopilot.sinks.kafka.KafkaSourceSettings;
import com.crmautopilot.sinks.kafka.KafkaSources;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;

import java.time.Duration;
import java.util.Objects;

/**
 * The six inputs of the suggestion-delivery job, as sources, so the pipeline runs the same over Kafka (live, or
 * bounded to the offsets that were latest at start, for replays and benchmarks) and over test sources.
 *
 * @param events       {@code crm.events}, validated in the source
 * @param scores       {@code ai.lead-scores}
 * @param scoreChanges {@code ai.score-changes}
 * @param overrides    {@code crm.control}'s trigger overrides
 * @param feedback     {@code crm.feedback}
 * @param preferences  {@code crm.preferences}
 */
public record SuggestionDeliverySources(
        Source<Ingested, ?, ?> events,
        Source<LeadScore, ?, ?> scores,
        Source<ScoreChange, ?, ?> scoreChanges,
        Source<TriggerOverride, ?, ?> overrides,
        Source<DecodedFeedback, ?, ?> feedback,
        Source<DecodedPreferences, ?, ?> preferences) {

    public SuggestionDeliverySources {
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(scoreChanges, "scoreChanges");
        Objects.requireNonNull(overrides, "overrides");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(preferences, "preferences");
    }

    /** The live job's sources: unbounded, offsets committed on checkpoints. */
    public static SuggestionDeliverySources kafka(SuggestionDeliverySettings settings) {
        return of(settings, false);
    }

    /** Sources that stop at the offsets that were latest at start: the job ends once it has read what is there. */
    public static SuggestionDeliverySources boundedKafka(SuggestionDeliverySettings settings) {
        return of(settings, true);
    }

    private static SuggestionDeliverySources of(SuggestionDeliverySettings settings, boolean bounded) {
        int maxRecordBytes = settings.engineSettings().maxRecordBytes();
        // Feedback and preferences from the future are refused as crm.events are, with the same allowed skew.
        Duration maxFutureSkew = settings.validator().maxFutureSkew();
        return new SuggestionDeliverySources(
                source(settings.sourceSettings(SuggestionDeliverySettings.EVENTS),
                        new CrmEventsDeserializer(settings.validator()), bounded),
                source(settings.sourceSettings(SuggestionDeliverySettings.LEAD_SCORES),
                        JsonRecordDeserializer.of(LeadScore.class), bounded),
                source(settings.sourceSettings(SuggestionDeliverySettings.SCORE_CHANGES),
                        JsonRecordDeserializer.of(ScoreChange.class), bounded),
                source(settings.sourceSettings(SuggestionDeliverySettings.CONTROL),
                        SuggestionInputDeserializers.triggerOverrides(), bounded),
                source(settings.sourceSettings(SuggestionDeliverySettings.FEEDBACK),
                        SuggestionInputDeserializers.feedback(maxRecordBytes, maxFutureSkew), bounded),
                source(settings.sourceSettings(SuggestionDeliverySettings.PREFERENCES),
                        SuggestionInputDeserializers.preferences(maxRecordBytes, maxFutureSkew), bounded));
    }

    private static <T> Source<T, ?, ?> source(KafkaSourceSettings settings,
                                              KafkaRecordDeserializationSchema<T> deserializer, boolean bounded) {
        return bounded ? KafkaSources.boundedToLatest(settings, deserializer) : KafkaSources.of(settings, deserializer);
    }
}
