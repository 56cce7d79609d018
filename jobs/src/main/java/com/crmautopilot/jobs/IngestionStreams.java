package com.crmautopilot.jobs;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadProfile;
import org.apache.flink.streaming.api.datastream.DataStream;

/**
 * The outputs of the ingestion pipeline, for the next stages and the sinks to attach to.
 *
 * @param events      every valid, deduplicated event (lead events and the rest), in event time
 * @param profiles    lead profile changes; lead scoring attaches here
 * @param deadLetters malformed records, duplicates and late lead events, for {@code ai.dead-letter}
 */
public record IngestionStreams(DataStream<CrmEvent> events, DataStream<LeadProfile> profiles,
                               DataStream<DeadLetter> deadLetters) {
}
