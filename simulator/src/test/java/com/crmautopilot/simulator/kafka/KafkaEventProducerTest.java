package com.crmautopilot.simulator.kafka;

import com.crmautopilot.simulator.SimulatedRecord;
import com.crmautopilot.simulator.Simulator;
import com.crmautopilot.simulator.SimulatorConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Against a real single-node KRaft broker in this JVM. */
class KafkaEventProducerTest {

    private static KafkaClusterTestKit cluster;

    @BeforeAll
    static void startBroker() throws Exception {
        cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setConfigProp("message.max.bytes", String.valueOf(2 * 1024 * 1024))
                .setDeleteOnClose(true)
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        cluster.close();
    }

    @Test
    void producesEveryRecordWithItsKeyAndBytesInOrder() throws Exception {
        String topic = newTopic();
        SimulatorConfig config = SimulatorConfig.builder().days(5).tenants(2).leadsPerTenant(100)
                .accountsPerTenant(20).campaignsPerTenant(1).malformedFraction(0.05).build();
        List<SimulatedRecord> expected = new Simulator(config).records().toList();

        KafkaEventProducer.Report report;
        try (KafkaEventProducer producer = new KafkaEventProducer(cluster.bootstrapServers(), topic, Pacing.unlimited())) {
            report = producer.produce(new Simulator(config).start());
        }

        assertThat(report.sent()).isEqualTo(expected.size());
        assertThat(report.acknowledged()).isEqualTo(expected.size());
        assertThat(report.failed()).isZero();
        assertThat(report.stopped()).isFalse();
        List<ConsumerRecord<String, byte[]>> consumed = consume(topic, expected.size());
        assertThat(consumed).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(consumed.get(i).key()).isEqualTo(expected.get(i).key());
            assertThat(consumed.get(i).value()).isEqualTo(expected.get(i).value());
        }
        // Oversized defects (~70 KiB) went through too.
        assertThat(consumed).anyMatch(r -> r.value().length > 64 * 1024);
    }

    @Test
    void pacesByEventsPerSecondAndStopsWhenAsked() throws Exception {
        String topic = newTopic();
        try (KafkaEventProducer producer = new KafkaEventProducer(cluster.bootstrapServers(), topic,
                Pacing.eventsPerSecond(200))) {
            var run = CompletableFuture.supplyAsync(() -> producer.produce(
                    new Simulator(SimulatorConfig.builder().days(30).tenants(1).leadsPerTenant(200).build()).start()));
            Thread.sleep(1_000);
            producer.stop();
            KafkaEventProducer.Report report = run.get(30, TimeUnit.SECONDS);
            assertThat(report.stopped()).isTrue();
            // About 200 in the first second; never a burst far beyond the pace.
            assertThat(report.sent()).isBetween(100L, 320L);
            assertThat(report.acknowledged()).isEqualTo(report.sent());
            assertThat(producer.sent()).isEqualTo(report.sent());
        }
    }

    private static String newTopic() throws Exception {
        String topic = "crm.events." + UUID.randomUUID();
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static List<ConsumerRecord<String, byte[]>> consume(String topic, int expected) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(4 * 1024 * 1024)));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }
}
