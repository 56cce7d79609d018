package com.crmautopilot.sinks.json;

import com.crmautopilot.models.output.LeadProfile;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes a {@link LeadProfile} field by field: the same bytes as the shared mapper (snake_case names in component
 * order, nulls left out, ISO instants), without its reflective per-field accessor calls. Profiles are the job's
 * busiest output, about one per input event and another when the event leaves the window, so this is worth its
 * upkeep; {@code WireJsonTest} compares both writers over random profiles, so a field added to the record and
 * forgotten here fails the build.
 */
public final class LeadProfileSerializer extends StdSerializer<LeadProfile> {

    private static final long serialVersionUID = 1L;

    private static final SerializableString PROFILE_ID = name("profile_id");
    private static final SerializableString TENANT_ID = name("tenant_id");
    private static final SerializableString LEAD_ID = name("lead_id");
    private static final SerializableString VERSION = name("version");
    private static final SerializableString AS_OF = name("as_of");
    private static final SerializableString TRIGGER = name("trigger");
    private static final SerializableString TRIGGER_EVENT_ID = name("trigger_event_id");
    private static final SerializableString NAME = name("name");
    private static final SerializableString TITLE = name("title");
    private static final SerializableString COMPANY = name("company");
    private static final SerializableString COMPANY_SIZE = name("company_size");
    private static final SerializableString INDUSTRY = name("industry");
    private static final SerializableString COUNTRY = name("country");
    private static final SerializableString SOURCE = name("source");
    private static final SerializableString CAMPAIGN_ID = name("campaign_id");
    private static final SerializableString OWNER_ID = name("owner_id");
    private static final SerializableString STATUS = name("status");
    private static final SerializableString EMAILS_SENT = name("emails_sent30d");
    private static final SerializableString EMAIL_OPENS = name("email_opens30d");
    private static final SerializableString EMAIL_CLICKS = name("email_clicks30d");
    private static final SerializableString EMAIL_REPLIES = name("email_replies30d");
    private static final SerializableString WEB_VISITS = name("web_visits30d");
    private static final SerializableString CONTENT_DOWNLOADS = name("content_downloads30d");
    private static final SerializableString DEMO_REQUESTS = name("demo_requests30d");
    private static final SerializableString FORM_SUBMITS = name("form_submits30d");
    private static final SerializableString CALLS_MEETINGS = name("calls_meetings30d");
    private static final SerializableString TOTAL_EVENTS = name("total_events");
    private static final SerializableString DEMO_REQUESTED = name("demo_requested");
    private static final SerializableString LAST_DEMO_REQUEST_AT = name("last_demo_request_at");
    private static final SerializableString FIRST_TOUCH_AT = name("first_touch_at");
    private static final SerializableString LAST_TOUCH_AT = name("last_touch_at");
    private static final SerializableString LAST_ACTIVITY_AT = name("last_activity_at");
    private static final SerializableString RESPONSE_COUNT = name("response_count");
    private static final SerializableString RESPONSE_SECONDS_TOTAL = name("response_seconds_total");
    private static final SerializableString WINDOW_EXPIRES_AT = name("window_expires_at");

    public LeadProfileSerializer() {
        super(LeadProfile.class);
    }

    @Override
    public void serialize(LeadProfile p, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject(p);
        text(g, PROFILE_ID, p.profileId());
        text(g, TENANT_ID, p.tenantId());
        text(g, LEAD_ID, p.leadId());
        g.writeFieldName(VERSION);
        g.writeNumber(p.version());
        instant(g, AS_OF, p.asOf());
        text(g, TRIGGER, p.trigger());
        text(g, TRIGGER_EVENT_ID, p.triggerEventId());
        text(g, NAME, p.name());
        text(g, TITLE, p.title());
        text(g, COMPANY, p.company());
        if (p.companySize() != null) {
            g.writeFieldName(COMPANY_SIZE);
            g.writeNumber(p.companySize());
        }
        text(g, INDUSTRY, p.industry());
        text(g, COUNTRY, p.country());
        text(g, SOURCE, p.source());
        text(g, CAMPAIGN_ID, p.campaignId());
        text(g, OWNER_ID, p.ownerId());
        text(g, STATUS, p.status());
        number(g, EMAILS_SENT, p.emailsSent30d());
        number(g, EMAIL_OPENS, p.emailOpens30d());
        number(g, EMAIL_CLICKS, p.emailClicks30d());
        number(g, EMAIL_REPLIES, p.emailReplies30d());
        number(g, WEB_VISITS, p.webVisits30d());
        number(g, CONTENT_DOWNLOADS, p.contentDownloads30d());
        number(g, DEMO_REQUESTS, p.demoRequests30d());
        number(g, FORM_SUBMITS, p.formSubmits30d());
        number(g, CALLS_MEETINGS, p.callsMeetings30d());
        g.writeFieldName(TOTAL_EVENTS);
        g.writeNumber(p.totalEvents());
        g.writeFieldName(DEMO_REQUESTED);
        g.writeBoolean(p.demoRequested());
        instant(g, LAST_DEMO_REQUEST_AT, p.lastDemoRequestAt());
        instant(g, FIRST_TOUCH_AT, p.firstTouchAt());
        instant(g, LAST_TOUCH_AT, p.lastTouchAt());
        instant(g, LAST_ACTIVITY_AT, p.lastActivityAt());
        number(g, RESPONSE_COUNT, p.responseCount());
        g.writeFieldName(RESPONSE_SECONDS_TOTAL);
        g.writeNumber(p.responseSecondsTotal());
        instant(g, WINDOW_EXPIRES_AT, p.windowExpiresAt());
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, SerializableString field, String value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            g.writeString(value);
        }
    }

    private static void number(JsonGenerator g, SerializableString field, int value) throws IOException {
        g.writeFieldName(field);
        g.writeNumber(value);
    }

    private static void instant(JsonGenerator g, SerializableString field, Instant value) throws IOException {
        if (value != null) {
            g.writeFieldName(field);
            IsoInstantSerializer.write(value, g);
        }
    }

    private static SerializableString name(String field) {
        return new SerializedString(field);
    }
}
