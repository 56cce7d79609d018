package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Sends each notification to its channel's branch: in-app on the main output, the others on side outputs, and a
 * notification with no known channel to dead letter rather than nowhere.
 */
public final class ChannelRouter extends ProcessFunction<Notification, Notification> {

    public static final OutputTag<Notification> EMAIL = tag("email");
    public static final OutputTag<Notification> DIGEST = tag("digest");
    public static final OutputTag<Notification> SLACK = tag("slack");
    public static final OutputTag<DeadLetter> UNROUTABLE =
            new OutputTag<>("unroutable-notifications", TypeInformation.of(DeadLetter.class));

    @Override
    public void processElement(Notification notification, Context context, Collector<Notification> out) {
        Channel channel = Channel.fromWire(notification.channel()).orElse(null);
        if (channel == null) {
            context.output(UNROUTABLE, NotificationDeadLetters.of(notification, DeadLetterReason.DELIVERY_REJECTED,
                    "unknown channel '" + notification.channel() + "'"));
            return;
        }
        switch (channel) {
            case INAPP -> out.collect(notification);
            case EMAIL -> context.output(EMAIL, notification);
            case DIGEST -> context.output(DIGEST, notification);
            case SLACK -> context.output(SLACK, notification);
        }
    }

    private static OutputTag<Notification> tag(String channel) {
        return new OutputTag<>("notifications-" + channel, TypeInformation.of(Notification.class));
    }
}
