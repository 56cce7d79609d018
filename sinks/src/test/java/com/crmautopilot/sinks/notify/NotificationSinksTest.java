package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationSinksTest {

    /** The guardrails of the jobs: no Kryo, no generated uids. */
    static Configuration jobConfiguration() {
        Configuration configuration = new Configuration();
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        configuration.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        return configuration;
    }

    @Test
    void everyDeliveryOperatorHasItsStableUidAndAName() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobConfiguration());
        var notifications = env.fromData(List.of(TestNotifications.inapp("sg-1", "u-dana")),
                TypeInformation.of(Notification.class)).uid("notifications").name("notifications");

        NotificationSinks.attach(notifications, DeliverySettings.defaults(
                KafkaSinkSettings.exactlyOnce("localhost:9092", "delivery-test")));
        // Building the graph is where Flink refuses an operator without a uid, since generated uids are off.
        StreamGraph graph = env.getStreamGraph();

        Map<String, String> namesByUid = graph.getStreamNodes().stream()
                .filter(node -> node.getTransformationUID() != null)
                .collect(Collectors.toMap(StreamNode::getTransformationUID, StreamNode::getOperatorName,
                        (a, b) -> a));
        assertThat(namesByUid).containsKeys(DeliveryUids.LEDGER, DeliveryUids.ROUTER, DeliveryUids.EMAIL,
                DeliveryUids.DIGEST, DeliveryUids.SLACK);
        assertThat(namesByUid.keySet()).anyMatch(uid -> uid.startsWith(DeliveryUids.INAPP_SINK));
        assertThat(namesByUid.get(DeliveryUids.LEDGER)).startsWith("notification ledger");
        assertThat(namesByUid.get(DeliveryUids.SLACK)).isEqualTo("post to Slack webhooks");
    }
}
