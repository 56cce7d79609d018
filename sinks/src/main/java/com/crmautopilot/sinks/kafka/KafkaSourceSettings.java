package com.crmautopilot.sinks.kafka;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

import java.io.Serializable;
import java.util.Objects;

import static com.crmautopilot.sinks.kafka.KafkaNames.requireLegalName;
import static com.crmautopilot.sinks.kafka.KafkaNames.requireText;

/**
 * Where and from which offsets a Kafka source reads. The group id is explicit because offsets are committed under
 * it on every checkpoint; they are what a fresh start (without a savepoint) resumes from.
 */
public record KafkaSourceSettings(String bootstrapServers, String topic, String groupId,
                                  StartingOffsets startingOffsets) implements Serializable {

    public enum StartingOffsets {
        /** The group's committed offsets, or the earliest for partitions it has none for. */
        COMMITTED_OR_EARLIEST,
        EARLIEST,
        LATEST;

        public OffsetsInitializer initializer() {
            return switch (this) {
                case COMMITTED_OR_EARLIEST -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
                case EARLIEST -> OffsetsInitializer.earliest();
                case LATEST -> OffsetsInitializer.latest();
            };
        }
    }

    public KafkaSourceSettings {
        requireText(bootstrapServers, "bootstrap servers");
        requireLegalName(topic, "topic");
        requireLegalName(groupId, "group id");
        Objects.requireNonNull(startingOffsets, "starting offsets");
    }

    public static KafkaSourceSettings of(String bootstrapServers, String topic, String groupId) {
        return new KafkaSourceSettings(bootstrapServers, topic, groupId, StartingOffsets.COMMITTED_OR_EARLIEST);
    }
}
