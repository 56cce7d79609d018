package com.crmautopilot.sinks.notify;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.Notification;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

import java.util.concurrent.TimeUnit;

/**
 * Delivery of notifications: one call wires the ledger, the router and every channel's sink, and hands back the
 * dead letters for the job to write to {@code ai.dead-letter}.
 *
 * <pre>
 * notifications -> keyBy(tenant:notificationId) -> ledger (drop ids already handed over)
 *               -> router -> in-app:  Kafka, exactly-once
 *                         -> email:   SMTP, async, retried        -\
 *                         -> digest:  SMTP, async, retried         +-> dead letters
 *                         -> slack:   webhook, async, retried      |
 *                         -> unknown channel ---------------------/
 * </pre>
 *
 * Notifications arrive due: holding them until {@code notBefore} (quiet hours, digest hour) is upstream's job.
 */
public final class NotificationSinks {

    private NotificationSinks() {
    }

    public static DataStream<DeadLetter> attach(DataStream<Notification> notifications, DeliverySettings settings) {
        SingleOutputStreamOperator<Notification> firstCopies = notifications
                .keyBy(DeliveryLedger::key, Types.STRING)
                .process(new DeliveryLedger(settings.ledgerRetention()))
                .uid(DeliveryUids.LEDGER).name("notification ledger (drops ids already handed over)");
        SingleOutputStreamOperator<Notification> inapp = firstCopies
                .process(new ChannelRouter())
                .uid(DeliveryUids.ROUTER).name("route notifications by channel");

        inapp.sinkTo(InAppNotifications.sink(settings.inappTopic(), settings.kafka()))
                .uid(DeliveryUids.INAPP_SINK).name("in-app notifications to " + settings.inappTopic());

        DataStream<DeadLetter> email = send(inapp.getSideOutput(ChannelRouter.EMAIL),
                new EmailDeliveryFunction("email", settings.smtp(), settings.retry()), settings)
                .uid(DeliveryUids.EMAIL).name("send immediate mail (SMTP)");
        DataStream<DeadLetter> digest = send(inapp.getSideOutput(ChannelRouter.DIGEST),
                new EmailDeliveryFunction("digest", settings.smtp(), settings.retry()), settings)
                .uid(DeliveryUids.DIGEST).name("send digest mail (SMTP)");
        DataStream<DeadLetter> slack = send(inapp.getSideOutput(ChannelRouter.SLACK),
                new SlackDeliveryFunction(settings.slack(), settings.retry()), settings)
                .uid(DeliveryUids.SLACK).name("post to Slack webhooks");

        return inapp.getSideOutput(ChannelRouter.UNROUTABLE).union(email, digest, slack);
    }

    private static SingleOutputStreamOperator<DeadLetter> send(DataStream<Notification> notifications,
                                                               RetryingDeliveryFunction function,
                                                               DeliverySettings settings) {
        // Unordered: one slow destination must not hold back the notifications of others behind it.
        return AsyncDataStream.unorderedWait(notifications, function, settings.asyncTimeout().toMillis(),
                TimeUnit.MILLISECONDS, settings.asyncCapacity());
    }
}
