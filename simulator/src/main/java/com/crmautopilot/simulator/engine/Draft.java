package com.crmautopilot.simulator.engine;

import com.crmautopilot.models.event.EventType;

import java.util.function.BooleanSupplier;

/** An event waiting for its time: everything but its id, which is given at emission so ids follow the stream. */
final class Draft implements Scheduler.Work {

    final TenantRuntime tenant;
    final EventType type;
    final Record payload;
    String leadId;
    String contactId;
    String accountId;
    String opportunityId;
    String campaignId;
    String userId;
    /** Checked at the event's time: false drops it (a lead that closed before its planned visit). */
    BooleanSupplier condition;
    /** Runs when the record actually leaves the simulator, to keep the ground truth to what was emitted. */
    Runnable onEmitted;

    Draft(TenantRuntime tenant, EventType type, Record payload) {
        this.tenant = tenant;
        this.type = type;
        this.payload = payload;
    }

    Draft lead(String id) { this.leadId = id; return this; }
    Draft contact(String id) { this.contactId = id; return this; }
    Draft account(String id) { this.accountId = id; return this; }
    Draft opportunity(String id) { this.opportunityId = id; return this; }
    Draft campaign(String id) { this.campaignId = id; return this; }
    Draft user(String id) { this.userId = id; return this; }
    Draft onlyIf(BooleanSupplier check) { this.condition = check; return this; }
    Draft onEmitted(Runnable hook) { this.onEmitted = hook; return this; }

    /** The entity a record is keyed by: the most specific one it names. */
    String keyEntity() {
        if (leadId != null) {
            return leadId;
        }
        if (opportunityId != null) {
            return opportunityId;
        }
        if (contactId != null) {
            return contactId;
        }
        if (accountId != null) {
            return accountId;
        }
        if (campaignId != null) {
            return campaignId;
        }
        if (userId != null) {
            return userId;
        }
        return "heartbeat";
    }
}
