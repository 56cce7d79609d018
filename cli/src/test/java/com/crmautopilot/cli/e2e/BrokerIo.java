package com.crmautopilot.cli.e2e;

import com.crmautopilot.cli.runtime.CommittedTopic;
import com.crmautopilot.cli.runtime.EmbeddedKafka;
import com.crmautopilot.simulator.SimulatedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

/** The end-to-end tests' producer and {@code read_committed} reader, as an upstream and a downstream system would be. */
final class BrokerIo {

    private BrokerIo() {
    }

    /** Produces in order and remembers which record landed at which topic/partition/offset. */
    static Map<String, SimulatedRecord> produce(EmbeddedKafka kafka, String topic, List<SimulatedRecord> records)
            throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(2 * 1024 * 1024));
        // A broker in a busy test JVM on two cores can stall for a while: wait rather than fail the whole test.
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "600000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        List<Future<RecordMetadata>> sent = new ArrayList<>(records.size());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (SimulatedRecord r : records) {
                sent.add(producer.send(new ProducerRecord<>(topic, r.key(), r.value())));
            }
            producer.flush();
        }
        Map<String, SimulatedRecord> byPosition = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            RecordMetadata m = sent.get(i).get();
            byPosition.put(m.topic() + "/" + m.partition() + "/" + m.offset(), records.get(i));
        }
        return byPosition;
    }

    /** Everything committed on the topic so far, read to its end offsets. */
    static List<ConsumerRecord<byte[], byte[]>> readCommitted(EmbeddedKafka kafka, String topic) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        CommittedTopic.readAll(kafka.bootstrapServers(), topic, all::add);
        return all;
    }
}
