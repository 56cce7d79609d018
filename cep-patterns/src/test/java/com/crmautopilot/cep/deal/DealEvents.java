package com.crmautopilot.cep.deal;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.CallLogged;
import com.crmautopilot.models.event.payload.EmailSent;
import com.crmautopilot.models.event.payload.MeetingLogged;
import com.crmautopilot.models.event.payload.OpportunityClosedLost;
import com.crmautopilot.models.event.payload.OpportunityClosedWon;
import com.crmautopilot.models.event.payload.OpportunityCloseDateChanged;
import com.crmautopilot.models.event.payload.OpportunityCompetitorNoted;
import com.crmautopilot.models.event.payload.OpportunityContactAdded;
import com.crmautopilot.models.event.payload.OpportunityCreated;
import com.crmautopilot.models.event.payload.OpportunityStageChanged;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

/** Named instants and deal event factories for the deal trigger tests. */
final class DealEvents {

    static final String TENANT = "acme";
    static final String OTHER_TENANT = "globex";
    static final String DEAL = "opp-1";
    static final String OTHER_DEAL = "opp-2";
    static final String OWNER = "rep-dana";
    static final String DEAL_NAME = "Acme Corp - New Business";
    static final double AMOUNT = 48_000;
    /** A Monday morning. */
    static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final String tenant;
    private final String deal;

    private DealEvents(String tenant, String deal) {
        this.tenant = tenant;
        this.deal = deal;
    }

    static DealEvents deal() {
        return new DealEvents(TENANT, DEAL);
    }

    static DealEvents deal(String tenant, String deal) {
        return new DealEvents(tenant, deal);
    }

    static Instant day(double days) {
        return T0.plusMillis((long) (days * 86_400_000L));
    }

    /** The instant the close date is behind the deal: the end of the close day (UTC). */
    static Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    CrmEvent created(Instant at, String stage, LocalDate closeDate) {
        return opportunity(EventType.OPPORTUNITY_CREATED, at)
                .payload(new OpportunityCreated(DEAL_NAME, AMOUNT, "USD", stage, closeDate, OWNER)).build();
    }

    CrmEvent stage(Instant at, String from, String to) {
        return opportunity(EventType.OPPORTUNITY_STAGE_CHANGED, at).payload(new OpportunityStageChanged(from, to))
                .build();
    }

    CrmEvent closeDate(Instant at, LocalDate to, LocalDate from) {
        return opportunity(EventType.OPPORTUNITY_CLOSE_DATE_CHANGED, at)
                .payload(new OpportunityCloseDateChanged(to, from)).build();
    }

    CrmEvent contact(Instant at, String contactId, String role) {
        return opportunity(EventType.OPPORTUNITY_CONTACT_ADDED, at).contact(contactId)
                .payload(new OpportunityContactAdded(role)).build();
    }

    CrmEvent competitor(Instant at, String name) {
        return opportunity(EventType.OPPORTUNITY_COMPETITOR_NOTED, at)
                .payload(new OpportunityCompetitorNoted(name)).build();
    }

    CrmEvent won(Instant at) {
        return opportunity(EventType.OPPORTUNITY_CLOSED_WON, at).payload(new OpportunityClosedWon(AMOUNT)).build();
    }

    CrmEvent lost(Instant at) {
        return opportunity(EventType.OPPORTUNITY_CLOSED_LOST, at).payload(new OpportunityClosedLost("no_decision"))
                .build();
    }

    CrmEvent meeting(Instant at, String contactId) {
        return opportunity(EventType.MEETING_LOGGED, at).contact(contactId).payload(new MeetingLogged(45, 3)).build();
    }

    CrmEvent call(Instant at, String contactId, String outcome) {
        return opportunity(EventType.CALL_LOGGED, at).contact(contactId).payload(new CallLogged(600, outcome))
                .build();
    }

    CrmEvent email(Instant at, String contactId) {
        return opportunity(EventType.EMAIL_SENT, at).contact(contactId).payload(new EmailSent("Next steps", null))
                .build();
    }

    private CrmEvent.Builder opportunity(EventType type, Instant at) {
        return CrmEvent.builder(tenant, "ev-" + SEQUENCE.incrementAndGet(), type, at).opportunity(deal)
                .account("acc-" + deal).user(OWNER);
    }
}
