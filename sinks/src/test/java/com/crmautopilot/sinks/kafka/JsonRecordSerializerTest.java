package com.crmautopilot.sinks.kafka;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordSerializerTest {

    private static final Instant AS_OF = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void writesProfilesAsContractJsonKeyedByTenantAndLead() {
        LeadProfile profile = new LeadProfile(LeadProfile.profileId("acme", "lead-1", 3), "acme", "lead-1", 3, AS_OF,
                "email.opened", "e-1", "Jane Roe", "CTO", "Initech", 250, "software", "DE", "paid", "spring",
                "rep-7", LeadProfile.STATUS_OPEN, 1, 2, 3, 4, 5, 6, 7, 8, 9, 42L, true, AS_OF, AS_OF, AS_OF, AS_OF,
                2, 3600L, null);
        JsonRecordSerializer<LeadProfile> serializer =
                new JsonRecordSerializer<>("ai.lead-profiles", OutputSinks::leadProfileKey);

        ProducerRecord<byte[], byte[]> record = serializer.serialize(profile, null, AS_OF.toEpochMilli());

        assertThat(record.topic()).isEqualTo("ai.lead-profiles");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("acme:lead-1");
        assertThat(record.timestamp()).as("the broker stamps send time").isNull();
        String json = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"lead_id\":\"lead-1\"", "\"email_opens30d\":2", "\"as_of\":\"2026-01-05T09:00:00Z\"");
        assertThat(Json.read(record.value(), LeadProfile.class)).isEqualTo(profile);
    }

    @Test
    void keysDeadLettersByTenantAndEventOrByTheirOwnIdWhenUnreadable() {
        DeadLetter named = DeadLetter.fromSource(DeadLetterReason.UNKNOWN_TYPE, "unknown type", "crm.events", 0, 5L,
                "acme", "e-9", "{}".getBytes(StandardCharsets.UTF_8));
        DeadLetter anonymous = DeadLetter.fromSource(DeadLetterReason.NOT_JSON, "not JSON", "crm.events", 1, 6L,
                null, null, "junk".getBytes(StandardCharsets.UTF_8));

        assertThat(OutputSinks.deadLetterKey(named)).isEqualTo("acme:e-9");
        assertThat(OutputSinks.deadLetterKey(anonymous)).isEqualTo(":" + anonymous.deadLetterId());
        ProducerRecord<byte[], byte[]> record =
                new JsonRecordSerializer<>("ai.dead-letter", OutputSinks::deadLetterKey).serialize(anonymous, null, null);
        DeadLetter readBack = Json.read(record.value(), DeadLetter.class);
        assertThat(readBack).isEqualTo(anonymous);
        assertThat(new String(readBack.originalBytes(), StandardCharsets.UTF_8)).isEqualTo("junk");
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("\"reason\":\"not_json\"");
    }
}
