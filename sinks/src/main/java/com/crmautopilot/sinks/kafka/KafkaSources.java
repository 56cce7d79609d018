package com.crmautopilot.sinks.kafka;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;

import java.util.Objects;

/** Kafka sources for the input topics ({@code crm.events} first). */
public final class KafkaSources {

    private KafkaSources() {
    }

    /**
     * An unbounded source that commits its offsets on checkpoints and reads only committed transactional data.
     *
     * @param deserializer must never throw: one poison record would otherwise fail the job in a loop
     */
    public static <T> KafkaSource<T> of(KafkaSourceSettings settings, KafkaRecordDeserializationSchema<T> deserializer) {
        return builder(settings, deserializer).build();
    }

    /**
     * A bounded source that stops at the offsets that were latest when the job started: for replays of a history,
     * benchmarks and tests, where the job should finish once it has read what is there.
     */
    public static <T> KafkaSource<T> boundedToLatest(KafkaSourceSettings settings,
                                                     KafkaRecordDeserializationSchema<T> deserializer) {
        return builder(settings, deserializer).setBounded(OffsetsInitializer.latest()).build();
    }

    private static <T> KafkaSourceBuilder<T> builder(KafkaSourceSettings settings,
                                                     KafkaRecordDeserializationSchema<T> deserializer) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(deserializer, "deserializer");
        return KafkaSource.<T>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(settings.topic())
                .setGroupId(settings.groupId())
                .setClientIdPrefix(settings.groupId() + "-" + settings.topic())
                .setStartingOffsets(settings.startingOffsets().initializer())
                .setDeserializer(deserializer)
                .setProperty("isolation.level", "read_committed")
                .setProperty("commit.offsets.on.checkpoint", "true");
    }
}
