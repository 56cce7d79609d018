package com.crmautopilot.cli.runtime;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;

/**
 * Reads everything committed on a topic, to the end offsets it has when the read starts, as a {@code read_committed}
 * consumer downstream would. Benchmarks count from it and tests compare with it, so a read that cannot reach the end
 * offsets fails instead of returning part of the topic.
 */
public final class CommittedTopic {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private CommittedTopic() {
    }

    public static void readAll(String bootstrapServers, String topic,
                               Consumer<ConsumerRecord<byte[], byte[]>> records) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + end
                            + " within " + DEADLINE);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records);
            }
        }
    }

    /** Only the values. */
    public static void readValues(String bootstrapServers, String topic, Consumer<byte[]> values) {
        readAll(bootstrapServers, topic, record -> values.accept(record.value()));
    }
}
