package com.crmautopilot.operators.testing;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.LeadAssigned;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.event.payload.LeadUpdated;
import com.crmautopilot.models.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** Named instants and event factories for operator tests. */
public final class TestEvents {

    public static final String TENANT = "acme";
    public static final String OTHER_TENANT = "globex";
    public static final String LEAD = "lead-1";
    public static final String OTHER_LEAD = "lead-2";
    /** A Monday morning; chosen minute-aligned so bucket arithmetic in tests stays readable. */
    public static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    public static final Duration WINDOW = Duration.ofDays(30);

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private TestEvents() {
    }

    public static Instant at(Duration sinceT0) {
        return T0.plus(sinceT0);
    }

    public static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    /** An event about {@link #LEAD} of {@link #TENANT} with a fresh event id and an empty payload. */
    public static CrmEvent leadEvent(EventType type, Instant occurredAt) {
        return leadEvent(TENANT, LEAD, type, occurredAt);
    }

    public static CrmEvent leadEvent(String tenant, String lead, EventType type, Instant occurredAt) {
        return CrmEvent.builder(tenant, nextId(), type, occurredAt).lead(lead).build();
    }

    public static CrmEvent withId(String tenant, String eventId, EventType type, Instant occurredAt) {
        return CrmEvent.builder(tenant, eventId, type, occurredAt).lead(LEAD).build();
    }

    public static CrmEvent created(Instant at, String name, String title, String company, Integer size) {
        return CrmEvent.builder(TENANT, nextId(), EventType.LEAD_CREATED, at).lead(LEAD).campaign("spring-webinar")
                .payload(new LeadCreated(name, "jane@example.com", title, company, size, "software", "DE", "paid"))
                .build();
    }

    public static CrmEvent updated(Instant at, String title, Integer size) {
        return CrmEvent.builder(TENANT, nextId(), EventType.LEAD_UPDATED, at).lead(LEAD)
                .payload(new LeadUpdated(null, null, title, null, size, null, null, null))
                .build();
    }

    public static CrmEvent assigned(Instant at, String owner) {
        return CrmEvent.builder(TENANT, nextId(), EventType.LEAD_ASSIGNED, at).lead(LEAD)
                .payload(new LeadAssigned(owner)).build();
    }

    public static byte[] bytes(CrmEvent event) {
        return Json.writeBytes(event);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String nextId() {
        return "evt-" + SEQUENCE.incrementAndGet();
    }
}
