package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
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
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.crmautopilot.sinks.notify.SlackReceiver.Answer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole delivery graph on a MiniCluster with checkpoints, against real receivers: the in-process KRaft broker
 * (read back {@code read_committed}), GreenMail for SMTP and a local HTTP receiver standing in for Slack.
 */
class NotificationSinksEndToEndTest {

    private static final String FROM = "CRM Autopilot <autopilot@example.com>";

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

    private static KafkaClusterTestKit broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("transaction.state.log.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setDeleteOnClose(true)
                .build();
        broker.format();
        broker.startup();
        broker.waitForReadyBrokers();
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @Test
    void deliversEveryChannelOnceAndDeadLettersWhatCannotBeDelivered() throws Exception {
        String inappTopic = "ai.notifications.inapp." + UUID.randomUUID();
        createTopic(inappTopic);
        try (SlackReceiver slack = new SlackReceiver()) {
            slack.script("/services/T1/B1/flaky", Answer.status(500, "internal_error"));
            Notification dana = TestNotifications.inapp("sg-1", "u-dana");
            Notification sam = TestNotifications.inapp("sg-2", "u-sam");
            Notification mail = TestNotifications.email("sg-3", "dana@example.com");
            Notification digest = TestNotifications.digest("2026-03-02", "dana@example.com");
            Notification posted = TestNotifications.slack("sg-4", slack.url("/services/T1/B1/flaky"));
            Notification forged = TestNotifications.slack("sg-5", "https://169.254.169.254/latest/meta-data");
            Notification fax = TestNotifications.withChannel(TestNotifications.inapp("sg-6", "u-dana"), "fax");
            List<Notification> input = List.of(dana, mail, dana, sam, digest, posted, mail, forged, posted, fax);

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                    NotificationSinksTest.jobConfiguration());
            env.enableCheckpointing(300);
            env.setParallelism(2);
            DataStream<Notification> notifications = env.fromData(input, TypeInformation.of(Notification.class))
                    .uid("notifications").name("notifications");
            DeliverySettings settings = DeliverySettings.defaults(KafkaSinkSettings.exactlyOnce(
                            broker.bootstrapServers(), "delivery-e2e-" + UUID.randomUUID()))
                    .withInappTopic(inappTopic)
                    .withSmtp(SmtpSettings.plain("127.0.0.1", SMTP.getSmtp().getPort(), FROM))
                    .withSlack(SlackSettings.forLoopbackTests(Duration.ofSeconds(2), 20))
                    .withRetry(new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 2.0, 0.2,
                            Duration.ofSeconds(30)));
            DataStream.Collector<DeadLetter> deadLetters = new DataStream.Collector<>();
            NotificationSinks.attach(notifications, settings).collectAsync(deadLetters);

            env.executeAsync("notification-sinks-e2e");
            List<DeadLetter> letters = EmailDeliveryTest.drain(deadLetters);

            assertThat(letters).extracting(DeadLetter::eventId, DeadLetter::reason).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(forged.notificationId(), DeadLetterReason.DESTINATION_NOT_ALLOWED),
                    org.assertj.core.groups.Tuple.tuple(fax.notificationId(), DeadLetterReason.DELIVERY_REJECTED));
            List<ConsumerRecord<String, byte[]>> feed = readCommitted(inappTopic, 2);
            assertThat(feed).extracting(ConsumerRecord::key)
                    .containsExactlyInAnyOrder(TestNotifications.TENANT + ":u-dana", TestNotifications.TENANT + ":u-sam");
            assertThat(feed).extracting(record -> Json.read(record.value(), Notification.class))
                    .containsExactlyInAnyOrder(dana, sam);
            assertThat(SMTP.getReceivedMessages()).extracting(message -> message.getHeader(
                            MailComposer.NOTIFICATION_ID_HEADER, null))
                    .containsExactlyInAnyOrder(mail.notificationId(), digest.notificationId());
            Map<String, Long> posts = slack.delivered().stream().collect(Collectors.groupingBy(
                    SlackReceiver.Request::notificationId, Collectors.counting()));
            assertThat(posts).isEqualTo(Map.of(posted.notificationId(), 1L));
            assertThat(slack.requests()).as("the 500 was retried").hasSize(2);
        }
    }

    private static void createTopic(String topic) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads committed records until {@code expected} arrived, then a little longer, to catch any duplicate. */
    private static List<ConsumerRecord<String, byte[]>> readCommitted(String topic, int expected) {
        Properties props = new Properties();
        props.putAll(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }
}
