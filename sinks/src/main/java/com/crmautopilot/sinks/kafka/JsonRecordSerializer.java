package com.crmautopilot.sinks.kafka;

import com.crmautopilot.sinks.json.WireJson;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes each element as a JSON value (the shared JSON contract, through the faster {@link WireJson} writers)
 * under a string key.
 *
 * <p>Records carry no timestamp of ours, so the broker stamps them at send time. Stamping them with event time
 * would let retention delete a replay of old history the moment it is written.
 */
public final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {

    private static final long serialVersionUID = 1L;

    private final String topic;
    private final SerializableFunction<T, String> keyOf;

    public JsonRecordSerializer(String topic, SerializableFunction<T, String> keyOf) {
        this.topic = KafkaNames.requireLegalName(topic, "topic");
        this.keyOf = Objects.requireNonNull(keyOf, "key function");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
        String key = keyOf.apply(element);
        return new ProducerRecord<>(topic, null, null,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), WireJson.writeBytes(element));
    }

    public String topic() {
        return topic;
    }
}
