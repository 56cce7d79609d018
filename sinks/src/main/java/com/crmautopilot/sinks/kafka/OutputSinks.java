package com.crmautopilot.sinks.kafka;

import com.crmautopilot.models.Topics;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.LeadProfile;
import org.apache.flink.connector.kafka.sink.KafkaSink;

/** The sinks of the ingestion job's outputs, with their topics and keys. */
public final class OutputSinks {

    private OutputSinks() {
    }

    /** Lead profile changes on {@code ai.lead-profiles}, keyed {@code tenant:lead}. */
    public static KafkaSink<LeadProfile> leadProfiles(KafkaSinkSettings settings) {
        return leadProfiles(Topics.LEAD_PROFILES, settings);
    }

    public static KafkaSink<LeadProfile> leadProfiles(String topic, KafkaSinkSettings settings) {
        return JsonKafkaSink.of(topic, OutputSinks::leadProfileKey, settings);
    }

    /** Dead letters as JSON (original bytes in base64) on {@code ai.dead-letter}. */
    public static KafkaSink<DeadLetter> deadLetters(KafkaSinkSettings settings) {
        return deadLetters(Topics.DEAD_LETTER, settings);
    }

    public static KafkaSink<DeadLetter> deadLetters(String topic, KafkaSinkSettings settings) {
        return JsonKafkaSink.of(topic, OutputSinks::deadLetterKey, settings);
    }

    public static String leadProfileKey(LeadProfile profile) {
        return profile.tenantId() + ":" + profile.leadId();
    }

    /** {@code tenant:event} when the record named them; otherwise the dead letter's own id, under an empty tenant. */
    public static String deadLetterKey(DeadLetter deadLetter) {
        String tenant = deadLetter.tenantId() == null ? "" : deadLetter.tenantId();
        String id = deadLetter.eventId() == null ? deadLetter.deadLetterId() : deadLetter.eventId();
        return tenant + ":" + id;
    }
}
