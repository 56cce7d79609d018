package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.sinks.kafka.JsonKafkaSink;
import com.crmautopilot.sinks.kafka.KafkaSinkSettings;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/**
 * The in-app channel: notifications as JSON on {@code ai.notifications.inapp}, in Kafka transactions committed on
 * each checkpoint (exactly-once with the sink settings' default), keyed {@code tenant:user} so one user's feed stays
 * in order on one partition. The app upserts on {@code notification_id}.
 */
public final class InAppNotifications {

    private InAppNotifications() {
    }

    public static KafkaSink<Notification> sink(String topic, KafkaSinkSettings settings) {
        return JsonKafkaSink.of(topic, InAppNotifications::key, settings);
    }

    public static String key(Notification notification) {
        return notification.tenantId() + ":" + notification.userId();
    }
}
