package com.crmautopilot.jobs.suggest;

import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.suggest.Suggestion;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * What the suggestion-delivery pipeline hands to its two Kafka sinks.
 *
 * @param suggestions for {@code ai.suggestions}
 * @param deadLetters unreadable events, duplicates, unreadable feedback and preferences, and notifications that could
 *                    not be delivered: for {@code ai.dead-letter}
 */
record SuggestionDeliveryStreams(DataStream<Suggestion> suggestions, DataStream<DeadLetter> deadLetters) {
}
