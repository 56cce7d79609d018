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

import java.io.Serializable;
import java.time.Duration;

/**
 * The Kafka deserializers of the suggestion-delivery job's people-facing inputs. None of them throws: one poison
 * record would otherwise fail the job in a loop. Feedback and preferences records that cannot be read become dead
 * letters (inside the decoded record, with topic, partition and offset); {@code crm.control} records that are not
 * trigger overrides are commands for other jobs and are skipped.
 */
public final class SuggestionInputDeserializers {

    private SuggestionInputDeserializers() {
    }

    public static KafkaRecordDeserializationSchema<DecodedFeedback> feedback(int maxRecordBytes,
                                                                             Duration maxFutureSkew) {
        return new Decoding<>(new SuggestionInputDecoder(maxRecordBytes, maxFutureSkew),
                SuggestionInputDecoder::decodeFeedback,
                DecodedFeedback.class);
    }

    public static KafkaRecordDeserializationSchema<DecodedPreferences> preferences(int maxRecordBytes,
                                                                                   Duration maxFutureSkew) {
        return new Decoding<>(new SuggestionInputDecoder(maxRecordBytes, maxFutureSkew),
                SuggestionInputDecoder::decodePreferences,
                DecodedPreferences.class);
    }

    public static KafkaRecordDeserializationSchema<TriggerOverride> triggerOverrides() {
        return new Overrides();
    }

    /** One of the decoder's methods: the record's bytes and where they came from, to a decoded record. */
    @FunctionalInterface
    interface Decode<T> extends Serializable {
        T apply(SuggestionInputDecoder decoder, byte[] value, String topic, int partition, long offset);
    }

    /** {@code crm.feedback} and {@code crm.preferences}: every record becomes one decoded record. */
    static final class Decoding<T> implements KafkaRecordDeserializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final SuggestionInputDecoder decoder;
        private final Decode<T> decode;
        private final Class<T> type;

        Decoding(SuggestionInputDecoder decoder, Decode<T> decode, Class<T> type) {
            this.decoder = decoder;
            this.decode = decode;
            this.type = type;
        }

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<T> out) {
            out.collect(decode.apply(decoder, record.value(), record.topic(), record.partition(), record.offset()));
        }

        @Override
        public TypeInformation<T> getProducedType() {
            return TypeInformation.of(type);
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
