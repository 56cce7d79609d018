package com.crmautopilot.operators.scoring;

import com.crmautopilot.models.output.LeadProfile;

import java.time.Duration;
import java.time.Instant;

/** A fluent builder of lead profiles for scoring tests: a plain, lukewarm lead unless told otherwise. */
final class TestProfiles {

    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    static final Instant T0 = Instant.parse("2026-02-02T09:00:00Z");

    private String tenantId = TENANT;
    private String leadId = "lead-1";
    private long version = 1;
    private Instant asOf = T0;
    private String trigger = "lead.created";
    private String title = "Marketing Manager";
    private Integer companySize = 120;
    private String industry = "software";
    private String country = "US";
    private String source = "web";
    private String campaignId;
    private String status = LeadProfile.STATUS_OPEN;
    private int emailsSent;
    private int opens;
    private int clicks;
    private int replies;
    private int visits;
    private int downloads;
    private int demoRequests;
    private int forms;
    private int callsMeetings;
    private long totalEvents = 3;
    private Instant demoAt;
    private Instant firstTouchAt = T0.minus(Duration.ofDays(5));
    private Instant lastTouchAt;
    private Instant lastActivityAt;
    private int responseCount;
    private long responseSeconds;

    static TestProfiles lead(String leadId) {
        TestProfiles p = new TestProfiles();
        p.leadId = leadId;
        return p;
    }

    /** Engaged: a demo request, visits, downloads, clicks and a quick reply, all recent, from an executive. */
    static TestProfiles hot(String leadId, Instant at) {
        return lead(leadId).at(at).title("Chief Revenue Officer").companySize(800).industry("software")
                .emails(6, 5, 3, 2).visits(8).downloads(3).demo(at).responseHours(2).events(30).touchedAt(at)
                .trigger("demo.requested");
    }

    /** Silent for a month: nothing in the window, nothing for 40 days. */
    static TestProfiles cold(String leadId, Instant at) {
        return lead(leadId).at(at).title("Intern").companySize(4).industry("government").source("outbound")
                .firstTouchAt(at.minus(Duration.ofDays(60))).touchedAt(at.minus(Duration.ofDays(40)))
                .lastActivityAt(at.minus(Duration.ofDays(40))).events(2);
    }

    TestProfiles tenant(String value) {
        tenantId = value;
        return this;
    }

    TestProfiles version(long value) {
        version = value;
        return this;
    }

    TestProfiles at(Instant value) {
        asOf = value;
        return this;
    }

    TestProfiles trigger(String value) {
        trigger = value;
        return this;
    }

    TestProfiles title(String value) {
        title = value;
        return this;
    }

    TestProfiles companySize(Integer value) {
        companySize = value;
        return this;
    }

    TestProfiles industry(String value) {
        industry = value;
        return this;
    }

    TestProfiles country(String value) {
        country = value;
        return this;
    }

    TestProfiles source(String value) {
        source = value;
        return this;
    }

    TestProfiles campaign(String value) {
        campaignId = value;
        return this;
    }

    TestProfiles status(String value) {
        status = value;
        return this;
    }

    TestProfiles emails(int sent, int opened, int clicked, int replied) {
        emailsSent = sent;
        opens = opened;
        clicks = clicked;
        replies = replied;
        return this;
    }

    TestProfiles visits(int value) {
        visits = value;
        return this;
    }

    TestProfiles downloads(int value) {
        downloads = value;
        return this;
    }

    TestProfiles forms(int value) {
        forms = value;
        return this;
    }

    TestProfiles callsMeetings(int value) {
        callsMeetings = value;
        return this;
    }

    TestProfiles demo(Instant at) {
        demoAt = at;
        demoRequests = at == null ? 0 : 1;
        return this;
    }

    TestProfiles responseHours(double hours) {
        responseCount = 1;
        responseSeconds = Math.round(hours * 3600);
        return this;
    }

    TestProfiles events(long value) {
        totalEvents = value;
        return this;
    }

    TestProfiles firstTouchAt(Instant value) {
        firstTouchAt = value;
        return this;
    }

    /** Sets the last touch and, unless set later, the last activity. */
    TestProfiles touchedAt(Instant value) {
        lastTouchAt = value;
        return this;
    }

    TestProfiles lastActivityAt(Instant value) {
        lastActivityAt = value;
        return this;
    }

    LeadProfile build() {
        Instant activity = lastActivityAt != null ? lastActivityAt : asOf;
        return new LeadProfile(LeadProfile.profileId(tenantId, leadId, version), tenantId, leadId, version, asOf,
                trigger, "evt-" + leadId + "-" + version, "Lead " + leadId, title, "Initech", companySize, industry,
                country, source, campaignId, "user-01", status, emailsSent, opens, clicks, replies, visits, downloads,
                demoRequests, forms, callsMeetings, totalEvents, demoAt != null, demoAt, firstTouchAt, lastTouchAt,
                activity, responseCount, responseSeconds, null);
    }
}
