package com.crmautopilot.models.event;

import com.crmautopilot.models.json.Json;
import com.crmautopilot.models.json.RawJsonDeserializer;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import java.time.Instant;
import java.util.Optional;

/**
 * The envelope of every {@code crm.events} record. It is also the type that flows through the Flink jobs: all
 * fields are plain values so that Flink's record serializer handles it without a Kryo fallback. The payload
 * stays as its canonical JSON text; read it as its typed record with {@link #payloadAs(Class)}.
 *
 * @param eventId       producer-unique id, the dedupe key within a tenant
 * @param tenantId      the tenant; part of every key downstream
 * @param type          the wire name of an {@link EventType}
 * @param occurredAt    event time
 * @param schemaVersion version of this envelope and payload contract
 * @param payload       the type-specific payload as JSON text ({@code "{}"} when empty)
 */
public record CrmEvent(
        String eventId,
        String tenantId,
        String type,
        Instant occurredAt,
        int schemaVersion,
        String leadId,
        String contactId,
        String accountId,
        String opportunityId,
        String campaignId,
        String userId,
        @JsonRawValue @JsonDeserialize(using = RawJsonDeserializer.class) String payload) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    /** The parsed type; valid events always have one. */
    @JsonIgnore
    public EventType eventType() {
        return EventType.fromWireName(type)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + type));
    }

    @JsonIgnore
    public long timestampMillis() {
        return occurredAt.toEpochMilli();
    }

    public <T extends Record> T payloadAs(Class<T> payloadClass) {
        return Json.read(payload == null ? "{}" : payload, payloadClass);
    }

    public Optional<String> ref(EntityRef ref) {
        return Optional.ofNullable(ref.of(this));
    }

    public static Builder builder(String tenantId, String eventId, EventType type, Instant occurredAt) {
        return new Builder(tenantId, eventId, type, occurredAt);
    }

    /** Builds envelopes for producers and tests; the payload record is serialized to canonical JSON. */
    public static final class Builder {
        private final String tenantId;
        private final String eventId;
        private final EventType type;
        private final Instant occurredAt;
        private String leadId;
        private String contactId;
        private String accountId;
        private String opportunityId;
        private String campaignId;
        private String userId;
        private String payload = "{}";

        private Builder(String tenantId, String eventId, EventType type, Instant occurredAt) {
            this.tenantId = tenantId;
            this.eventId = eventId;
            this.type = type;
            this.occurredAt = occurredAt;
        }

        public Builder lead(String id) { this.leadId = id; return this; }
        public Builder contact(String id) { this.contactId = id; return this; }
        public Builder account(String id) { this.accountId = id; return this; }
        public Builder opportunity(String id) { this.opportunityId = id; return this; }
        public Builder campaign(String id) { this.campaignId = id; return this; }
        public Builder user(String id) { this.userId = id; return this; }

        public Builder payload(Record payloadRecord) {
            if (payloadRecord.getClass() != type.payloadClass()) {
                throw new IllegalArgumentException(type.wireName() + " takes " + type.payloadClass().getSimpleName());
            }
            this.payload = Json.write(payloadRecord);
            return this;
        }

        public CrmEvent build() {
            return new CrmEvent(eventId, tenantId, type.wireName(), occurredAt, CURRENT_SCHEMA_VERSION,
                    leadId, contactId, accountId, opportunityId, campaignId, userId, payload);
        }
    }
}
