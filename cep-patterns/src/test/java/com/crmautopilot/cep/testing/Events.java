package com.crmautopilot.cep.testing;

import com.crmautopilot.models.event.CrmEvent;
import com.crmautopilot.models.event.EventType;
import com.crmautopilot.models.event.payload.AccountUpdated;
import com.crmautopilot.models.event.payload.CallLogged;
import com.crmautopilot.models.event.payload.DemoRequested;
import com.crmautopilot.models.event.payload.EmailOpened;
import com.crmautopilot.models.event.payload.Heartbeat;
import com.crmautopilot.models.event.payload.LeadAssigned;
import com.crmautopilot.models.event.payload.LeadConverted;
import com.crmautopilot.models.event.payload.LeadCreated;
import com.crmautopilot.models.event.payload.OpportunityCreated;

import java.io.Serializable;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Envelope factories for pipeline tests; event ids are unique within one instance. */
public final class Events implements Serializable {

    private static final long serialVersionUID = 1L;
    private final AtomicLong ids = new AtomicLong();

    private CrmEvent.Builder builder(String tenant, EventType type, Instant at) {
        return CrmEvent.builder(tenant, "e-" + ids.incrementAndGet(), type, at);
    }

    public CrmEvent leadCreated(String tenant, String lead, Instant at) {
        return builder(tenant, EventType.LEAD_CREATED, at).lead(lead)
                .payload(new LeadCreated("Lead " + lead, null, null, "Acme", null, null, null, null)).build();
    }

    public CrmEvent leadAssigned(String tenant, String lead, String owner, Instant at) {
        return builder(tenant, EventType.LEAD_ASSIGNED, at).lead(lead).user(owner)
                .payload(new LeadAssigned(owner)).build();
    }

    public CrmEvent leadConverted(String tenant, String lead, Instant at) {
        return builder(tenant, EventType.LEAD_CONVERTED, at).lead(lead).payload(new LeadConverted(null)).build();
    }

    public CrmEvent emailOpened(String tenant, String lead, Instant at) {
        return builder(tenant, EventType.EMAIL_OPENED, at).lead(lead).payload(new EmailOpened(null)).build();
    }

    public CrmEvent demoRequested(String tenant, String lead, Instant at) {
        return builder(tenant, EventType.DEMO_REQUESTED, at).lead(lead).payload(new DemoRequested("crm")).build();
    }

    public CrmEvent accountUpdated(String tenant, String account, String owner, boolean complete, Instant at) {
        return builder(tenant, EventType.ACCOUNT_UPDATED, at).account(account).user(owner)
                .payload(new AccountUpdated("Account " + account, complete ? 1.0e7 : null, "software", 120, "US",
                        owner)).build();
    }

    public CrmEvent accountCall(String tenant, String account, String rep, Instant at) {
        return builder(tenant, EventType.CALL_LOGGED, at).account(account).contact("contact-" + account).user(rep)
                .payload(new CallLogged(600, "connected")).build();
    }

    public CrmEvent opportunityCreated(String tenant, String account, String opportunity, String owner, Instant at) {
        return builder(tenant, EventType.OPPORTUNITY_CREATED, at).account(account).opportunity(opportunity)
                .user(owner).payload(new OpportunityCreated("Deal " + opportunity, 50_000.0, "USD", "qualification",
                        null, owner)).build();
    }

    public CrmEvent heartbeat(String tenant, Instant at) {
        return builder(tenant, EventType.HEARTBEAT, at).payload(new Heartbeat()).build();
    }
}
