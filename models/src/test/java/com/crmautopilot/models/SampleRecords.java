package com.crmautopilot.models;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.output.DeadLetter;
import com.crmautopilot.models.output.DeadLetterReason;
import com.crmautopilot.models.output.LeadProfile;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Fully populated sample records for tests: every field set, so serializer and schema checks see every field.
 * Payloads are filled from their record components, so a new event type gets a sample without edits here.
 */
public final class SampleRecords {

    /** The validator's clock in tests. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    /** The event time of samples: two hours before {@link #NOW}. */
    public static final Instant OCCURRED_AT = Instant.parse("2026-03-01T10:00:00Z");
    public static final String TENANT = "tenant-1";

    private SampleRecords() {
    }

    /** An event of the given type carrying every entity reference and a payload with every field set. */
    public static CrmEvent event(EventType type) {
        return event(type, "evt-" + type.wireName());
    }

    public static CrmEvent event(EventType type, String eventId) {
        return CrmEvent.builder(TENANT, eventId, type, OCCURRED_AT)
                .lead("lead-1").contact("contact-1").account("account-1").opportunity("opp-1")
                .campaign("campaign-1").user("user-1")
                .payload(payload(type.payloadClass()))
                .build();
    }

    /** A payload record with every component set to a plausible value of its type. */
    public static Record payload(Class<? extends Record> payloadClass) {
        RecordComponent[] components = payloadClass.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(components[i]);
        }
        try {
            return payloadClass.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + payloadClass.getSimpleName(), e);
        }
    }

    private static Object sampleValue(RecordComponent component) {
        Class<?> type = component.getType();
        if (type == String.class) {
            return "sample " + component.getName();
        }
        if (type == Integer.class || type == int.class) {
            return 42;
        }
        if (type == Long.class || type == long.class) {
            return 4_200_000_000L;
        }
        if (type == Double.class || type == double.class) {
            return 12_500.5;
        }
        if (type == Boolean.class || type == boolean.class) {
            return true;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 4, 30);
        }
        throw new IllegalStateException("no sample value for " + type.getName());
    }

    public static LeadProfile leadProfile() {
        return new LeadProfile(LeadProfile.profileId(TENANT, "lead-1", 3), TENANT, "lead-1", 3, OCCURRED_AT,
                EventType.EMAIL_OPENED.wireName(), "evt-9",
                "Ada Lovelace", "CTO", "Analytical Engines", 250, "software", "GB", "referral", "campaign-1",
                "user-1", LeadProfile.STATUS_OPEN,
                4, 3, 2, 1, 5, 1, 1, 1, 2,
                27L, true, Instant.parse("2026-02-20T09:00:00Z"), Instant.parse("2026-01-05T08:00:00Z"),
                Instant.parse("2026-03-01T09:30:00Z"), OCCURRED_AT, 2, 7_200L, Instant.parse("2026-03-31T10:00:00Z"));
    }

    public static DeadLetter deadLetter() {
        return DeadLetter.fromSource(DeadLetterReason.MISSING_REFERENCE, "email.opened needs lead_id or contact_id",
                "crm.events", 2, 1_234L, TENANT, "evt-7",
                "{\"type\":\"email.opened\"}".getBytes(StandardCharsets.UTF_8));
    }
}
