package com.crmautopilot.operators.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.Channel;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What {@link SuggestionEngine#attach} returns.
 *
 * @param suggestions    for {@code ai.suggestions} (active, suppressed and withdrawn; upsert on suggestion id)
 * @param notifications  every channel's messages in one stream; {@link Notification#channel()} says which
 *                       ({@link #notifications(Channel)} filters one)
 * @param deadLetters    unreadable feedback and preference records, for {@code ai.dead-letter}
 */
public record SuggestionOutputs(DataStream<Suggestion> suggestions, DataStream<Notification> notifications,
                                DataStream<DeadLetter> deadLetters) {

    /** The notifications of one channel, through a filter with uid {@code suggest-notifications-<channel>}. */
    public DataStream<Notification> notifications(Channel channel) {
        String wire = channel.wireName();
        return notifications.filter(new ChannelFilter(wire))
                .uid("suggest-notifications-" + wire).name("Notifications: " + wire);
    }

    private record ChannelFilter(String channel) implements org.apache.flink.api.common.functions.FilterFunction<Notification> {
        @Override
        public boolean filter(Notification notification) {
            return channel.equals(notification.channel());
        }
    }
}
