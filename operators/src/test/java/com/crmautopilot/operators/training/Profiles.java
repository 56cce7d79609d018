package com.crmautopilot.operators.training;

import com.crmautopilot.models.output.LeadProfile;

import java.time.Duration;
import java.time.Instant;

/** A fluent builder of {@link LeadProfile}s for snapshot tests: one lead, changes at named days after T0. */
final class Profiles {

    static final String TENANT = "acme";
    static final String LEAD = "lead-1";
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private String tenant = TENANT;
    private String lead = LEAD;
    private long version = 1;
    private Instant asOf = T0;
    private String status = LeadProfile.STATUS_OPEN;
    private String ownerId = "user-01";
    private int webVisits;
    private int demoRequests;
    private boolean demoRequested;
    private Instant lastActivityAt = T0;

    private Profiles() {
    }

    static Profiles profile() {
        return new Profiles();
    }

    static Instant day(double days) {
        return T0.plus(Duration.ofMinutes(Math.round(days * 24 * 60)));
    }

    Profiles lead(String tenantId, String leadId) {
        this.tenant = tenantId;
        this.lead = leadId;
        return this;
    }

    Profiles version(long value) {
        this.version = value;
        return this;
    }

    /** The profile as of a day after T0, with its last activity then (an event-driven change). */
    Profiles atDay(double days) {
        this.asOf = day(days);
        this.lastActivityAt = asOf;
        return this;
    }

    /** Moves the clock only, as a window expiry does. */
    Profiles asOfDay(double days) {
        this.asOf = day(days);
        return this;
    }

    Profiles webVisits(int value) {
        this.webVisits = value;
        return this;
    }

    Profiles demoRequests30d(int value) {
        this.demoRequests = value;
        return this;
    }

    Profiles demoRequested() {
        this.demoRequested = true;
        return this;
    }

    Profiles owner(String value) {
        this.ownerId = value;
        return this;
    }

    Profiles converted() {
        this.status = LeadProfile.STATUS_CONVERTED;
        return this;
    }

    Profiles disqualified() {
        this.status = LeadProfile.STATUS_DISQUALIFIED;
        return this;
    }

    LeadProfile build() {
        return new LeadProfile(LeadProfile.profileId(tenant, lead, version), tenant, lead, version, asOf, "web.visit",
                "evt-" + version, "Jane Doe", "VP Sales", "Initech", 120, "software", "DE", "paid", "spring-webinar",
                ownerId, status, 2, 1, 0, 0, webVisits, 0, demoRequests, 0, 0, version, demoRequested, null,
                T0, T0, lastActivityAt, 0, 0, null);
    }
}
