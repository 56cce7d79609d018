package com.crmautopilot.sinks.kafka;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaSourceSettingsTest {

    @Test
    void startsFromCommittedOffsetsAndFallsBackToTheEarliest() {
        KafkaSourceSettings settings = KafkaSourceSettings.of("localhost:9092", "crm.events", "lead-intelligence");

        assertThat(settings.startingOffsets()).isEqualTo(KafkaSourceSettings.StartingOffsets.COMMITTED_OR_EARLIEST);
        assertThat(settings.startingOffsets().initializer().getAutoOffsetResetStrategy())
                .isEqualTo(OffsetResetStrategy.EARLIEST);
        assertThat(KafkaSourceSettings.StartingOffsets.LATEST.initializer().getAutoOffsetResetStrategy())
                .isEqualTo(OffsetResetStrategy.LATEST);
    }

    @Test
    void buildsAnUnboundedSource() {
        KafkaSource<String> source = KafkaSources.of(KafkaSourceSettings.of("localhost:9092", "crm.events", "g1"),
                KafkaRecordDeserializationSchema.valueOnly(StringDeserializer.class));

        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    }

    @Test
    void refusesBlankOrIllegalNames() {
        assertThatThrownBy(() -> KafkaSourceSettings.of("", "crm.events", "g1")).hasMessageContaining("bootstrap servers");
        assertThatThrownBy(() -> KafkaSourceSettings.of("localhost:9092", "crm events", "g1"))
                .hasMessageContaining("topic 'crm events'");
        assertThatThrownBy(() -> KafkaSourceSettings.of("localhost:9092", "crm.events", null))
                .hasMessageContaining("group id must not be blank");
        assertThatThrownBy(() -> new KafkaSourceSettings("localhost:9092", "crm.events", "g1", null))
                .hasMessageContaining("starting offsets");
    }
}
