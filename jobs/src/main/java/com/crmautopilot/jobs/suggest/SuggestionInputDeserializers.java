package com.crmautopilot.jobs.suggest;

import com.crmautopilot.cep.config.TriggerOverride;
import com.crmautopilot.cep.config.TriggerOverrides;
import com.crmautopilot.operators.suggest.DecodedFeedback;
import com.crmautopilot.operators.suggest.DecodedPreferences;
import com.crmautopilot.operators.suggest.SuggestionInputDecoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The Kafka deserializers of the suggestion-delivery job's people-facing inputs. None of them throws: one poison
 * record would otherwise fail the job in a loop. Feedback and preferences records that cannot be read become dead
 * letters (inside the decoded record, with topic, partition and offset); {@code crm.control} records that are not
 * trigger overrides are commands for other jobs and are skipped.
 */
public final class SuggestionInputDeserializers {

    private SuggestionInputDeserializers() {
    }

    public static KafkaRecordDeserializationSchema<DecodedFeedback> feedback(int maxRecordBytes) {
        return new Feedback(new SuggestionInputDecoder(maxRecordBytes));
    }

    public static KafkaRecordDeserializationSchema<DecodedPreferences> preferences(int maxRecordBytes) {
        return new Preferences(new SuggestionInputDecoder(maxRecordBytes));
    }

    public static KafkaRecordDeserializationSchema<TriggerOverride> triggerOverrides() {
        return new Overrides();
    }

    /** {@code crm.feedback}. */
    static final class Feedback implements KafkaRecordDeserializationSchema<DecodedFeedback> {
        private static final long serialVersionUID = 1L;
        private final SuggestionInputDecoder decoder;

        Feedback(SuggestionInputDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedFeedback> out) {
            out.collect(decoder.decodeFeedback(record.value(), record.topic(), record.partition(), record.offset()));
        }

        @Override
        public TypeInformation<DecodedFeedback> getProducedType() {
            return TypeInformation.of(DecodedFeedback.class);
        }
    }

    /** {@code crm.preferences}. */
    static final class Preferences implements KafkaRecordDeserializationSchema<DecodedPreferences> {
        private static final long serialVersionUID = 1L;
        private final SuggestionInputDecoder decoder;

        Preferences(SuggestionInputDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<DecodedPreferences> out) {
            out.collect(decoder.decodePreferences(record.value(), record.topic(), record.partition(), record.offset()));
        }

        @Override
        public TypeInformation<DecodedPreferences> getProducedType() {
            return TypeInformation.of(DecodedPreferences.class);
        }
    }

    /** {@code crm.control}: trigger overrides only. */
    static final class Overrides implements KafkaRecordDeserializationSchema<TriggerOverride> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<TriggerOverride> out) {
            TriggerOverrides.fromControlJson(record.value()).ifPresent(out::collect);
        }

        @Override
        public TypeInformation<TriggerOverride> getProducedType() {
            return TypeInformation.of(TriggerOverride.class);
        }
    }
}
