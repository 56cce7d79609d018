package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.Topics;
import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;

/**
 * Dead letters of notifications: the notification's JSON as the original bytes, its id as the event id, and its
 * channel's topic as the source, so an operator can fix the destination and replay it onto that topic. The id is
 * deterministic, so the same failure dead-letters to the same id.
 */
public final class NotificationDeadLetters {

    private NotificationDeadLetters() {
    }

    public static DeadLetter of(Notification notification, DeadLetterReason reason, String detail) {
        return DeadLetter.forEvent(reason, detail, topicOf(notification.channel()), notification.tenantId(),
                notification.notificationId(), Json.writeBytes(notification));
    }

    /**
     * The {@code ai.notifications.*} topic of a channel; the digest is mail, so it shares the email topic. An unknown
     * channel gets {@code ai.notifications.<channel>}, a topic that names the mistake.
     */
    public static String topicOf(String channel) {
        return Channel.fromWire(channel).map(known -> switch (known) {
            case INAPP -> Topics.NOTIFICATIONS_INAPP;
            case EMAIL, DIGEST -> Topics.NOTIFICATIONS_EMAIL;
            case SLACK -> Topics.NOTIFICATIONS_SLACK;
        }).orElse("ai.notifications." + channel);
    }
}
