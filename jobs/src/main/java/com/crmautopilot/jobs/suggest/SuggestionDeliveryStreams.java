package com.crmautopilot.jobs.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.Notification;
import com.crmautopilot.models.suggest.Suggestion;
import com.crmautopilot.models.suggest.SuggestionCandidate;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the suggestion-delivery pipeline produces, before its Kafka sinks.
 *
 * @param candidates    every trigger's candidates (withdrawals included), lead, account and deal triggers together
 * @param suggestions   for {@code ai.suggestions}
 * @param notifications every channel's messages, as handed to delivery
 * @param deadLetters   unreadable events, duplicates, unreadable feedback and preferences, and notifications that
 *                      could not be delivered: for {@code ai.dead-letter}
 */
public record SuggestionDeliveryStreams(DataStream<SuggestionCandidate> candidates,
                                        DataStream<Suggestion> suggestions,
                                        DataStream<Notification> notifications,
                                        DataStream<DeadLetter> deadLetters) {
}
