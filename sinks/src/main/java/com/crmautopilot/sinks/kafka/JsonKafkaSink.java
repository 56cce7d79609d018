package com.crmautopilot.sinks.kafka;

import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.KafkaSinkBuilder;
import org.apache.flink.util.function.SerializableFunction;

import java.util.Properties;

/** Kafka sinks that write JSON values under a {@code tenant:entity} key, with an explicit delivery guarantee. */
public final class JsonKafkaSink {

    private JsonKafkaSink() {
    }

    /**
     * @param topic    the output topic
     * @param keyOf    the record key, {@code tenant:entity-id}, so one entity's records stay in order on one partition
     * @param settings bootstrap servers, delivery guarantee and transaction settings
     */
    public static <T> KafkaSink<T> of(String topic, SerializableFunction<T, String> keyOf, KafkaSinkSettings settings) {
        JsonRecordSerializer<T> serializer = new JsonRecordSerializer<>(topic, keyOf);
        KafkaSinkBuilder<T> builder = KafkaSink.<T>builder();
        producerProperties(topic, settings).forEach((key, value) -> builder.setProperty((String) key, (String) value));
        builder.setBootstrapServers(settings.bootstrapServers())
                .setDeliveryGuarantee(settings.deliveryGuarantee())
                .setRecordSerializer(serializer);
        if (settings.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(settings.transactionalIdPrefixFor(topic));
        }
        return builder.build();
    }

    /** The producer settings a sink for {@code topic} gets, beyond what the builder sets. */
    public static Properties producerProperties(String topic, KafkaSinkSettings settings) {
        Properties properties = batchingProperties();
        if (settings.deliveryGuarantee() == DeliveryGuarantee.EXACTLY_ONCE) {
            properties.setProperty("transaction.timeout.ms", String.valueOf(settings.transactionTimeout().toMillis()));
        }
        return properties;
    }

    /**
     * Batching for throughput. JSON output compresses several times over, and the broker's work goes with the number
     * of requests and bytes it appends, not records. Waiting up to {@code linger.ms} for a fuller batch costs no
     * visible latency under exactly-once, where records show only when the checkpoint commits their transaction.
     */
    public static Properties batchingProperties() {
        Properties properties = new Properties();
        properties.setProperty("compression.type", "lz4");
        properties.setProperty("batch.size", String.valueOf(256 * 1024));
        properties.setProperty("linger.ms", "20");
        return properties;
    }
}
